package org.imarchive.gateway.review;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.pipeline.CommitListener;
import org.imarchive.archive.pipeline.CommittedRecord;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;
import org.imarchive.archive.support.BackgroundLoop;
import org.imarchive.archive.support.CaptureFirst;
import org.imarchive.supervision.lexicon.ScanResult;
import org.imarchive.supervision.queue.NewReviewItem;
import org.imarchive.supervision.queue.ReviewFiling;
import org.imarchive.supervision.sampling.SampleDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Supervises the archive as it grows: follows the ledger from its own checkpoint ({@value #CONSUMER}), as the search
 * indexer does, scans every version of each message it changed (the original and each edit) with the policies of the
 * RM's groups, draws the month's sample, and files an item for each version that needs review. A commit only wakes
 * it; the ledger is the backlog, so a crash or a database outage delays review and loses nothing, and the unique
 * version key means a replay files nothing twice.
 */
public final class ReviewScanner implements CommitListener, AutoCloseable {
    public static final String CONSUMER = "review";
    static final String ITEM_CREATED = "review.item.create";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewScanner.class);
    private static final int BATCH = 500;

    private final ArchiveStore store;
    private final ReviewFiling filing;
    private final SupervisionPolicies policies;
    private final SamplingSeeds seeds;
    private final ReviewRouting routing;
    private final VersionTexts texts;
    private final AuditLog audit;
    private final Clock clock;
    private final BackgroundLoop loop;
    private volatile long scannedSerial;

    ReviewScanner(ArchiveStore store, ReviewFiling filing, SupervisionPolicies policies, SamplingSeeds seeds, ReviewRouting routing,
                  VersionTexts texts, AuditLog audit, Clock clock, Duration maxBackoff, CaptureFirst captureFirst) {
        this.store = store;
        this.filing = filing;
        this.policies = policies;
        this.seeds = seeds;
        this.routing = routing;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
        this.loop = new BackgroundLoop("review-scanner", this::scanBatch, (failure, retryInMillis) -> LOG.warn(
                "review scanning failed ({}); it resumes from ledger entry {} in {} ms; capture is unaffected",
                failure.getClass().getSimpleName(), scannedSerial, retryInMillis, failure), maxBackoff, captureFirst);
    }

    public synchronized void start() {
        scannedSerial = store.checkpoint(CONSUMER);
        loop.start();
    }

    @Override
    public void committed(List<CommittedRecord> records) {
        loop.wake();
    }

    /** The ledger serial up to which every message version has been scanned. */
    public long scannedSerial() {
        return scannedSerial;
    }


    /** @return true when a full batch was scanned and more may be waiting */
    private boolean scanBatch() {
        List<ArchiveStore.Change> changes = store.changesAfter(scannedSerial, BATCH);
        if (changes.isEmpty()) {
            return false;
        }
        Set<String> messageIds = new LinkedHashSet<>();
        changes.forEach(change -> messageIds.add(change.messageId()));
        for (String messageId : messageIds) {
            store.message(messageId).ifPresent(this::scan);
        }
        long reached = changes.get(changes.size() - 1).ledgerSerial();
        store.saveCheckpoint(CONSUMER, reached);
        scannedSerial = reached;
        return changes.size() == BATCH;
    }

    /**
     * Scans the versions not scanned before. Versions of a message whose original has not arrived wait for it: the
     * original's direction decides which policies apply, and its arrival changes the message again.
     */
    private void scan(StoredMessage message) {
        ArchivedMessage original = message.original().orElse(null);
        List<StoredRecord> versions = message.versions();
        if (original == null || versions.isEmpty()) {
            return;
        }
        Set<String> scanned = filing.scannedAmong(versions.stream().map(StoredRecord::recordId).toList());
        ReviewRouting.Route route = routing.routeOf(message.key().account());
        for (StoredRecord version : versions) {
            if (!scanned.contains(version.recordId())) {
                file(message, original, version, route);
            }
        }
    }

    private void file(StoredMessage message, ArchivedMessage original, StoredRecord version, ReviewRouting.Route route) {
        ScanResult scan = policies.engine().scan(texts.of(message, original, version, route.groups()));
        SampleDecision sample = null;
        if (version.record() instanceof ArchivedMessage) {
            // a message is sampled once, as first captured; its edits are reviewed for what they say
            SampleDecision decision = seeds.samplerFor(original.sentAt()).decide(message.messageId());
            sample = decision.selected() ? decision : null;
        }
        NewReviewItem item = new NewReviewItem(message.messageId(), version.recordId(), version.versionNumber(), route.rm(), route.group(),
                clock.instant(), scan.hits(), scan.problems(), sample);
        ReviewFiling.Filed filed = filing.file(item, scan.policiesApplied());
        if (filed.itemId() != null) {
            audit.record(new AuditEvent("system", ITEM_CREATED, filed.itemId(), AuditEvent.Outcome.SUCCESS, null,
                    "message=" + message.messageId() + " version=" + version.versionNumber() + " reasons=" + String.join(",", item.reasons())
                            + (sample == null ? "" : " seed=" + sample.seedId() + " value=" + sample.value())));
        }
    }


    @Override
    public void close() {
        loop.close();
    }
}
