package org.imarchive.archive.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Brings a metadata database (H2 or PostgreSQL) to the current schema with the one set of Flyway migrations. */
public final class ArchiveSchema {
    private ArchiveSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
