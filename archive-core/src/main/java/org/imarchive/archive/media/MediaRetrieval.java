package org.imarchive.archive.media;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.MediaRetrieved;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.CommitListener;
import org.imarchive.archive.pipeline.CommittedRecord;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;
import org.imarchive.archive.support.Ids;
import org.imarchive.archive.support.BackgroundLoop;
import org.imarchive.archive.support.CaptureFirst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches the attachments that committed messages left pending, after the fact and off the capture path: a message is
 * archived whatever happens to its media. It follows the ledger from its own checkpoint and queues each pending
 * attachment in {@code media_fetch}, so a restart neither forgets nor repeats one; each download is checked and stored
 * as a blob, and a {@link MediaRetrieved} record says where the content now is. Failed downloads are retried with
 * exponential backoff, then daily.
 */
public final class MediaRetrieval implements CommitListener, AutoCloseable {
    public static final String CONSUMER = "media";
    private static final Logger LOG = LoggerFactory.getLogger(MediaRetrieval.class);
    private static final int BATCH = 500;
    private static final java.time.Duration MAX_OUTAGE_BACKOFF = java.time.Duration.ofMinutes(1);

    private final ArchiveStore store;
    private final MediaFetchQueue queue;
    private final Map<Channel, MediaFetcher> fetchers = new EnumMap<>(Channel.class);
    private final MediaRetrievalSettings settings;
    private final Path spoolDir;
    private final Clock clock;
    private final MediaRetrievalListener listener;
    private final BackgroundLoop loop;

    /**
     * @param dataSource the archive's metadata database, which holds the {@code media_fetch} queue
     * @param spoolDir   where downloads wait while they are checked
     */
    public MediaRetrieval(ArchiveStore store, DataSource dataSource, List<MediaFetcher> fetchers, MediaRetrievalSettings settings,
                          Path spoolDir, Clock clock, MediaRetrievalListener listener) {
        this(store, dataSource, fetchers, settings, spoolDir, clock, listener, CaptureFirst.UNPACED);
    }

    /** @param captureFirst what retrieval yields to while webhooks wait for their acknowledgement */
    public MediaRetrieval(ArchiveStore store, DataSource dataSource, List<MediaFetcher> fetchers, MediaRetrievalSettings settings,
                          Path spoolDir, Clock clock, MediaRetrievalListener listener, CaptureFirst captureFirst) {
        this.loop = new BackgroundLoop("media-retrieval", () -> {
            runOnce();
            return false;
        }, (failure, retryInMillis) -> LOG.warn("media retrieval interrupted ({}); it resumes from its queue in {} ms; capture is unaffected",
                failure.getClass().getSimpleName(), retryInMillis, failure), MAX_OUTAGE_BACKOFF, captureFirst);
        this.store = store;
        this.queue = new MediaFetchQueue(dataSource);
        this.settings = settings;
        this.spoolDir = spoolDir;
        this.clock = clock;
        this.listener = listener;
        for (MediaFetcher fetcher : fetchers) {
            for (Channel channel : fetcher.channels()) {
                if (this.fetchers.put(channel, fetcher) != null) {
                    throw new IllegalArgumentException("two media fetchers handle channel " + channel.wireName());
                }
            }
        }
    }

    public synchronized void start() {
        SpooledMedia.removeLeftovers(spoolDir);
        loop.start();
    }

    @Override
    public void committed(List<CommittedRecord> records) {
        loop.wake();
    }

    /**
     * One round, in the caller's thread: queues the attachments the ledger announced since the checkpoint, then makes
     * every attempt that is due.
     *
     * @return how many downloads were attempted
     */
    public int runOnce() {
        queueNewAttachments();
        int attempts = 0;
        List<MediaFetchQueue.Entry> due;
        do {
            due = queue.due(fetchers.keySet(), clock.instant(), BATCH);
            for (MediaFetchQueue.Entry entry : due) {
                attempt(entry);
                attempts++;
            }
        } while (due.size() == BATCH);
        return attempts;
    }

    private void queueNewAttachments() {
        long checkpoint = store.checkpoint(CONSUMER);
        List<ArchiveStore.Change> changes;
        do {
            changes = store.changesAfter(checkpoint, BATCH);
            if (changes.isEmpty()) {
                return;
            }
            Set<String> messageIds = new LinkedHashSet<>();
            changes.forEach(change -> messageIds.add(change.messageId()));
            for (String messageId : messageIds) {
                store.message(messageId).ifPresent(this::queuePending);
            }
            checkpoint = changes.get(changes.size() - 1).ledgerSerial();
            store.saveCheckpoint(CONSUMER, checkpoint);
        } while (changes.size() == BATCH);
    }

    private void queuePending(StoredMessage message) {
        Optional<ArchivedMessage> original = message.original();
        if (original.isEmpty()) {
            // without the original the route is unknown; the original's own commit brings the message back here
            return;
        }
        Set<String> retrieved = new LinkedHashSet<>();
        message.retrievedMedia().forEach(media -> retrieved.add(media.platformMediaId()));
        Channel channel = original.get().channel();
        for (StoredRecord version : message.versions()) {
            for (Attachment attachment : StoredMessage.contentOf(version).attachments()) {
                if (attachment.state() == Attachment.State.PENDING && attachment.platformMediaId() != null
                        && !retrieved.contains(attachment.platformMediaId())
                        && queue.enqueue(message.messageId(), attachment.platformMediaId(), channel, clock.instant())) {
                    listener.queued(channel, message.messageId());
                }
            }
        }
    }

    private void attempt(MediaFetchQueue.Entry entry) {
        StoredMessage message = store.message(entry.messageId()).orElseThrow(
                () -> new IllegalStateException("queued media of message " + entry.messageId() + ", which the archive does not hold"));
        Optional<MediaRetrieved> already = message.retrievedMedia().stream()
                .filter(media -> media.platformMediaId().equals(entry.platformMediaId())).findFirst();
        if (already.isPresent()) {
            // committed before a crash that came ahead of marking the queue
            queue.done(entry, already.get().sha256(), clock.instant());
            return;
        }
        ArchivedMessage original = message.original().orElseThrow();
        Attachment attachment = attachmentOf(message, entry.platformMediaId());
        try (FetchedMedia media = open(entry, original, attachment);
             SpooledMedia content = SpooledMedia.spool(media.content(), spoolDir, settings.maxBytes())) {
            if (!PlatformSha256.consistent(attachment.platformSha256(), content.digest())
                    || !PlatformSha256.consistent(media.platformSha256(), content.digest())) {
                listener.hashMismatch(entry.channel(), entry.messageId());
                throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "content does not match the SHA-256 the platform stated");
            }
            String mediaType = media.mediaType() != null ? media.mediaType() : attachment.mediaType();
            String sha256;
            try (InputStream in = content.open()) {
                sha256 = store.putBlob(in, mediaType);
            }
            commitRetrieved(message, original, entry.platformMediaId(), sha256, content.size(), mediaType);
            queue.done(entry, sha256, clock.instant());
            listener.retrieved(entry.channel(), entry.messageId(), content.size());
        } catch (MediaFetchException e) {
            failed(entry, e.failure(), e.getMessage());
        } catch (IOException e) {
            failed(entry, MediaFetchException.Failure.RETRYABLE, "download broke off: " + e.getClass().getSimpleName());
        }
    }

    /** A fetcher's bug is one failed attempt of this attachment, not an outage of the whole retrieval. */
    private FetchedMedia open(MediaFetchQueue.Entry entry, ArchivedMessage original, Attachment attachment) throws MediaFetchException {
        try {
            return fetchers.get(entry.channel()).fetch(original, attachment);
        } catch (RuntimeException e) {
            LOG.warn("the {} media fetcher failed on message {}", entry.channel().wireName(), entry.messageId(), e);
            throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "fetcher failed: " + e.getClass().getSimpleName());
        }
    }

    private static Attachment attachmentOf(StoredMessage message, String platformMediaId) {
        return message.versions().stream()
                .flatMap(version -> StoredMessage.contentOf(version).attachments().stream())
                .filter(attachment -> platformMediaId.equals(attachment.platformMediaId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("message " + message.messageId() + " has no such attachment"));
    }

    private void commitRetrieved(StoredMessage message, ArchivedMessage original, String platformMediaId, String sha256, long size,
                                 String mediaType) {
        Instant now = clock.instant();
        MediaRetrieved record = new MediaRetrieved(
                Ids.stableId(now, "media|" + original.messageKey() + "|" + platformMediaId), original.messageKey(), platformMediaId,
                sha256, size, mediaType, now,
                // traced to the capture that announced the attachment
                new Provenance(Provenance.Source.FETCH, original.provenance().journalSequence(), null, null));
        // the checkpoint passed along is the one already saved: committing a fetch moves no position
        store.commit(List.of(new Commit(record, message.quarantined())), CONSUMER, store.checkpoint(CONSUMER));
    }

    private void failed(MediaFetchQueue.Entry entry, MediaFetchException.Failure failure, String reason) {
        Instant now = clock.instant();
        int attempts = entry.attempts() + 1;
        if (failure == MediaFetchException.Failure.CREDENTIALS) {
            listener.credentialsRejected(entry.channel(), reason);
        }
        if (failure == MediaFetchException.Failure.PERMANENT || attempts >= settings.maxAttempts()) {
            queue.attemptFailed(entry, MediaFetchQueue.State.FAILED, now.plus(settings.failedRetryInterval()), reason, now);
            listener.failed(entry.channel(), entry.messageId(), attempts, reason);
        } else {
            Instant next = now.plus(settings.backoffAfter(attempts));
            queue.attemptFailed(entry, MediaFetchQueue.State.PENDING, next, reason, now);
            listener.retryScheduled(entry.channel(), entry.messageId(), attempts, next, reason);
        }
    }



    @Override
    public void close() {
        loop.close();
    }
}
