package org.imarchive.archive.media;

import org.imarchive.archive.testing.TestDatabases;

import javax.sql.DataSource;
import java.nio.file.Path;

/** Media and attachment text on PostgreSQL, when the run has one (see docs/ci.md). */
class PostgresAttachmentTextExtractionTest extends AttachmentTextExtractionContract {
    @Override
    DataSource database(Path dir) {
        return TestDatabases.postgres();
    }
}
