package org.imarchive.archive.media;

import org.imarchive.archive.testing.TestDatabases;

import javax.sql.DataSource;
import java.nio.file.Path;

/** Media and attachment text on the embedded default: H2 in PostgreSQL mode. */
class H2AttachmentTextExtractionTest extends AttachmentTextExtractionContract {
    @Override
    DataSource database(Path dir) {
        return TestDatabases.h2(dir);
    }
}
