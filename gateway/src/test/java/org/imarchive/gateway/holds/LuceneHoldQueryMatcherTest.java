package org.imarchive.gateway.holds;

import org.imarchive.archive.search.lucene.LuceneSearchIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class LuceneHoldQueryMatcherTest implements HoldQueryMatcherContract {
    @TempDir
    Path dir;
    private LuceneSearchIndex index;
    private Fixture fixture;

    @BeforeEach
    void open() {
        index = LuceneSearchIndex.open(dir.resolve("search"));
        fixture = new Fixture(dir, index);
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
        fixture.close();
    }

    @Override
    public Fixture fixture() {
        return fixture;
    }

    @Override
    public void breakIndex() {
        index.close();
        index = null;
    }
}
