package org.imarchive.gateway.holds;

import io.micrometer.core.instrument.MeterRegistry;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.retention.hold.HoldQueryMatcher;
import org.imarchive.retention.hold.RecordFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers a hold's query with the search index, whichever adapter it is (Lucene or Elasticsearch): the message matches
 * when any of its versions, the earlier ones included, matches, as a hold must keep text that was edited away. It says
 * yes whenever it cannot tell (ADR 0013): the index does not hold every version of the message yet, an attachment's
 * text is not extracted yet, or the index fails. Each such answer is counted in {@code imarchive.holds.query.undecided}.
 */
@Component
public class SearchIndexHoldQueryMatcher implements HoldQueryMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexHoldQueryMatcher.class);

    private final SearchIndex index;
    private final ArchiveStore store;
    private final AttachmentTexts attachmentTexts;
    private final MeterRegistry metrics;

    public SearchIndexHoldQueryMatcher(SearchIndex index, ArchiveStore store, AttachmentTexts attachmentTexts, MeterRegistry metrics) {
        this.index = index;
        this.store = store;
        this.attachmentTexts = attachmentTexts;
        this.metrics = metrics;
    }

    @Override
    public boolean matches(String query, RecordFacts record) {
        String ofMessage = "message:\"" + record.messageId() + "\"";
        try {
            if (index.search(SearchQuery.builder().q("(" + query + ") AND " + ofMessage).pageSize(1).build()).total() > 0) {
                return true;
            }
            long indexedVersions = index.search(SearchQuery.builder().q(ofMessage).pageSize(1).build()).total();
            Optional<StoredMessage> stored = store.message(record.messageId());
            if (stored.isEmpty()) {
                return undecided("not-archived", record);
            }
            if (indexedVersions < Math.max(1, stored.get().versions().size())) {
                return undecided("not-indexed", record);
            }
            if (textPending(stored.get())) {
                return undecided("text-pending", record);
            }
            return false;
        } catch (RuntimeException failure) {
            LOG.warn("hold query for message {} could not be answered ({}); the message is treated as held", record.messageId(),
                    failure.getClass().getSimpleName());
            return undecided("index-failed", record);
        }
    }

    /** An attachment not fetched yet, or stored but not through text extraction yet, may still contain the query's words. */
    private boolean textPending(StoredMessage message) {
        return message.versions().stream().map(message::resolvedContentOf).flatMap(content -> content.attachments().stream())
                .anyMatch(attachment -> attachment.state() == Attachment.State.PENDING
                        || attachment.state() == Attachment.State.STORED && attachment.sha256() != null
                        && attachmentTexts.outcomeOf(attachment.sha256()).isEmpty());
    }

    private boolean undecided(String why, RecordFacts record) {
        metrics.counter("imarchive.holds.query.undecided", "reason", why).increment();
        LOG.debug("hold query cannot tell for message {} ({}): held", record.messageId(), why);
        return true;
    }
}
