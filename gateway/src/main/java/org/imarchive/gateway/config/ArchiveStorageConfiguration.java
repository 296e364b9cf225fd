package org.imarchive.gateway.config;

import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.crypto.DataKeys;
import org.imarchive.archive.crypto.MasterKey;
import org.imarchive.archive.ledger.ArchiveVerifier;
import org.imarchive.archive.ledger.Ledger;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.BlobStore;
import org.imarchive.archive.store.FileBlobStore;
import org.imarchive.archive.store.JdbcArchiveStore;
import org.imarchive.archive.store.RecordPacks;
import org.imarchive.archive.store.RetentionSchedule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** The archive's storage: record packs, blobs, the metadata database with its ledger and audit trail, the verifier. */
@Configuration(proxyBeanMethods = false)
public class ArchiveStorageConfiguration {
    private static final long PACK_BYTES = 1L << 30;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    RecordPacks recordPacks(GatewayProperties properties) {
        return new RecordPacks(properties.recordsDir(), PACK_BYTES);
    }

    /**
     * The data keys, when encryption at rest is on (the default). Made once the schema is migrated, and checked
     * against the archive at once: a wrong master key stops start-up (and {@code verify}) before anything is read.
     */
    @Bean
    @DependsOn("flywayInitializer")
    @ConditionalOnProperty(name = "gateway.archive.encryption.enabled", havingValue = "true", matchIfMissing = true)
    DataKeys dataKeys(DataSource dataSource, EncryptionProperties encryption, GatewayProperties properties, Clock clock,
                      @Value("${spring.datasource.url:jdbc:h2:}") String databaseUrl) {
        MasterKey masterKey = MasterKeySource.resolve(encryption, properties.dataDir(), databaseUrl.startsWith("jdbc:h2:"));
        DataKeys keys = new DataKeys(dataSource, masterKey, clock);
        keys.checkMasterKey();
        return keys;
    }

    @Bean
    BlobStore blobStore(GatewayProperties properties, Optional<DataKeys> keys) {
        return new FileBlobStore(properties.blobsDir(), keys.orElse(null));
    }

    /** The store, as the {@link ArchiveStore} and the {@link org.imarchive.archive.store.RetentionCatalog} it is. */
    @Bean
    JdbcArchiveStore archiveStore(DataSource dataSource, RecordPacks packs, BlobStore blobs, Clock clock, Optional<DataKeys> keys,
                                  ObjectProvider<RetentionSchedule> retention) {
        return new JdbcArchiveStore(dataSource, packs, new Ledger(clock), blobs, clock, keys.orElse(null), retention.getIfAvailable());
    }

    @Bean
    AuditLog auditLog(DataSource dataSource, Clock clock) {
        return new AuditLog(dataSource, clock);
    }

    @Bean
    ArchiveVerifier archiveVerifier(DataSource dataSource, RecordPacks packs, BlobStore blobs, Optional<DataKeys> keys) {
        return new ArchiveVerifier(dataSource, packs, blobs, keys.orElse(null));
    }
}
