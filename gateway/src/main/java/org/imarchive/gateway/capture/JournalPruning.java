package org.imarchive.gateway.capture;

import org.imarchive.archive.capture.FileCaptureJournal;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.gateway.config.GatewayProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Deletes capture journal segments nobody needs any more, so raw payloads do not outlive the archive's own
 * retention and disposition (ADR 0014): a segment goes once every record in it is committed, none of them is a
 * capture failure still waiting for a fixed normalizer, and it was last written more than
 * {@code gateway.journal.prune-after} ago.
 */
@Component
public class JournalPruning {
    private final FileCaptureJournal journal;
    private final ArchiveStore store;
    private final JdbcTemplate jdbc;
    private final GatewayProperties properties;
    private final Clock clock;

    public JournalPruning(FileCaptureJournal journal, ArchiveStore store, JdbcTemplate jdbc, GatewayProperties properties, Clock clock) {
        this.journal = journal;
        this.store = store;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${gateway.journal.prune-initial-delay:PT5M}", fixedDelayString = "${gateway.journal.prune-interval:PT1H}")
    public List<String> prune() {
        long neededAfter = store.checkpoint(ArchivePipeline.CONSUMER);
        Long firstFailure = jdbc.queryForObject("select min(journal_sequence) from capture_failure", Long.class);
        if (firstFailure != null) {
            neededAfter = Math.min(neededAfter, firstFailure - 1);
        }
        return journal.prune(neededAfter, clock.instant().minus(properties.journal().pruneAfter()));
    }
}
