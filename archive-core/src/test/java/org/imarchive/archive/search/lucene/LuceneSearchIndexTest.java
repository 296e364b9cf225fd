package org.imarchive.archive.search.lucene;

import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchIndexContract;
import org.imarchive.archive.search.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneSearchIndexTest implements SearchIndexContract {

    @TempDir
    Path directory;

    private LuceneSearchIndex index;

    @BeforeEach
    void open() {
        index = LuceneSearchIndex.open(directory);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Override
    public SearchIndex testee() {
        return index;
    }

    @Test
    void documentsSurviveARestart() {
        index.index(List.of(SearchIndexContract.message("a", 1).text("durable").build()));
        index.close();

        index = LuceneSearchIndex.open(directory);

        assertThat(index.count()).isEqualTo(1);
        assertThat(index.search(SearchQuery.of("durable")).hits()).hasSize(1);
    }
}
