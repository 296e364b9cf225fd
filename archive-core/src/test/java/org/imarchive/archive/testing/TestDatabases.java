package org.imarchive.archive.testing;

import org.h2.jdbcx.JdbcDataSource;
import org.imarchive.archive.store.ArchiveSchema;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The metadata databases the suite runs on: an H2 file database in PostgreSQL mode (the embedded default) and, when
 * {@code .ci/run} started one, a real PostgreSQL. Each call gives a fresh, migrated schema.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = "IMARCHIVE_TEST_POSTGRES_URL";

    private TestDatabases() {
    }

    public static DataSource h2(java.nio.file.Path directory) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("meta").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        ArchiveSchema.migrate(dataSource);
        return dataSource;
    }

    /** A fresh schema in the test PostgreSQL; skips the test when there is none, fails under CI's require-servers. */
    public static DataSource postgres() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("IMARCHIVE_TEST_REQUIRE_SERVERS"))) {
                throw new IllegalStateException(POSTGRES_URL + " is not set, but IMARCHIVE_TEST_REQUIRE_SERVERS=true");
            }
            Assumptions.abort("no PostgreSQL for this run: set " + POSTGRES_URL + " (see docs/ci.md)");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PGSimpleDataSource admin = dataSource(url, null);
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema in the test PostgreSQL at " + url, e);
        }
        PGSimpleDataSource dataSource = dataSource(url, schema);
        ArchiveSchema.migrate(dataSource);
        return dataSource;
    }

    private static PGSimpleDataSource dataSource(String url, String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(System.getenv().getOrDefault("IMARCHIVE_TEST_POSTGRES_USER", "imarchive"));
        dataSource.setPassword(System.getenv().getOrDefault("IMARCHIVE_TEST_POSTGRES_PASSWORD", "imarchive"));
        if (schema != null) {
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
    }
}
