package org.imarchive.archive.media;

import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.pipeline.CommitListener;
import org.imarchive.archive.pipeline.CommittedRecord;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.BlobStore;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.support.BackgroundLoop;
import org.imarchive.archive.support.CaptureFirst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Extracts the text of every stored attachment (fetched later or imported with the message), off the capture path:
 * it follows the ledger from its own checkpoint, extracts each blob once, records the outcome whatever it is, and asks
 * the search indexer to index the message again so the text becomes findable. A slow or unreadable file costs its own
 * timeout and nothing else.
 */
public final class AttachmentTextExtraction implements CommitListener, AutoCloseable {
    public static final String CONSUMER = "attachment-text";
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentTextExtraction.class);
    private static final int BATCH = 100;
    private static final java.time.Duration MAX_OUTAGE_BACKOFF = java.time.Duration.ofMinutes(1);

    private final ArchiveStore store;
    private final BlobStore blobs;
    private final AttachmentTexts texts;
    private final AttachmentTextExtractor extractor;
    private final Clock clock;
    private final TextExtractionListener listener;
    private final BackgroundLoop loop;

    public AttachmentTextExtraction(ArchiveStore store, BlobStore blobs, AttachmentTexts texts, AttachmentTextExtractor extractor,
                                    Clock clock, TextExtractionListener listener) {
        this(store, blobs, texts, extractor, clock, listener, CaptureFirst.UNPACED);
    }

    /** @param captureFirst what extraction yields to while webhooks wait for their acknowledgement */
    public AttachmentTextExtraction(ArchiveStore store, BlobStore blobs, AttachmentTexts texts, AttachmentTextExtractor extractor,
                                    Clock clock, TextExtractionListener listener, CaptureFirst captureFirst) {
        this.loop = new BackgroundLoop("attachment-text", () -> {
            runOnce();
            return false;
        }, (failure, retryInMillis) -> LOG.warn("attachment text extraction interrupted ({}); it resumes from its checkpoint in {} ms",
                failure.getClass().getSimpleName(), retryInMillis, failure), MAX_OUTAGE_BACKOFF, captureFirst);
        this.store = store;
        this.blobs = blobs;
        this.texts = texts;
        this.extractor = extractor;
        this.clock = clock;
        this.listener = listener;
    }

    public synchronized void start() {
        loop.start();
    }

    /** Commits of fetched media come from the retrieval, not the pipeline; this only shortens the wait for the others. */
    @Override
    public void committed(List<CommittedRecord> records) {
        loop.wake();
    }

    /**
     * Extracts what the ledger announced since the checkpoint, in the caller's thread.
     *
     * @return how many messages had stored attachments
     */
    public int runOnce() {
        long checkpoint = store.checkpoint(CONSUMER);
        int messages = 0;
        List<ArchiveStore.Change> changes;
        do {
            changes = store.changesAfter(checkpoint, BATCH);
            if (changes.isEmpty()) {
                break;
            }
            Set<String> messageIds = new LinkedHashSet<>();
            changes.forEach(change -> messageIds.add(change.messageId()));
            for (String messageId : messageIds) {
                Optional<StoredMessage> message = store.message(messageId);
                if (message.isPresent() && extractAttachmentsOf(message.get())) {
                    messages++;
                }
            }
            checkpoint = changes.get(changes.size() - 1).ledgerSerial();
            store.saveCheckpoint(CONSUMER, checkpoint);
        } while (changes.size() == BATCH);
        return messages;
    }

    /** @return true when the message has stored attachments */
    private boolean extractAttachmentsOf(StoredMessage message) {
        Map<String, Attachment> stored = new LinkedHashMap<>();
        message.versions().forEach(version -> message.resolvedContentOf(version).attachments().stream()
                .filter(attachment -> attachment.state() == Attachment.State.STORED)
                .forEach(attachment -> stored.putIfAbsent(attachment.sha256(), attachment)));
        if (stored.isEmpty()) {
            return false;
        }
        boolean anyText = false;
        for (Attachment attachment : stored.values()) {
            if (texts.outcomeOf(attachment.sha256()).isEmpty()) {
                ExtractedText outcome = extract(attachment);
                texts.record(attachment.sha256(), outcome, clock.instant());
                listener.extracted(attachment.sha256(), outcome);
            }
            anyText |= texts.textOf(attachment.sha256()).isPresent();
        }
        // also when the text was recorded earlier for another message: this one may have been indexed before that
        if (anyText) {
            texts.requestReindex(message.messageId(), clock.instant());
        }
        return true;
    }

    private ExtractedText extract(Attachment attachment) {
        Optional<InputStream> content = blobs.open(attachment.sha256());
        if (content.isEmpty()) {
            LOG.error("ALERT blob {} of a stored attachment is missing from the blob store", attachment.sha256());
            return ExtractedText.failed(ExtractedText.Status.UNREADABLE, null, "blob missing from the blob store");
        }
        try (InputStream in = content.get()) {
            return extractor.extract(in, attachment.size() == null ? -1 : attachment.size());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read blob " + attachment.sha256(), e);
        }
    }



    @Override
    public void close() {
        loop.close();
    }
}
