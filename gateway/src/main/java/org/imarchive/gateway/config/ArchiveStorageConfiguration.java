package org.imarchive.gateway.config;

import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.ledger.ArchiveVerifier;
import org.imarchive.archive.ledger.Ledger;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.BlobStore;
import org.imarchive.archive.store.FileBlobStore;
import org.imarchive.archive.store.JdbcArchiveStore;
import org.imarchive.archive.store.RecordPacks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

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

    @Bean
    BlobStore blobStore(GatewayProperties properties) {
        return new FileBlobStore(properties.blobsDir());
    }

    @Bean
    ArchiveStore archiveStore(DataSource dataSource, RecordPacks packs, BlobStore blobs, Clock clock) {
        return new JdbcArchiveStore(dataSource, packs, new Ledger(clock), blobs, clock);
    }

    @Bean
    AuditLog auditLog(DataSource dataSource, Clock clock) {
        return new AuditLog(dataSource, clock);
    }

    @Bean
    ArchiveVerifier archiveVerifier(DataSource dataSource, RecordPacks packs, BlobStore blobs) {
        return new ArchiveVerifier(dataSource, packs, blobs);
    }
}
