package org.imarchive.archive.indexing;

import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.search.SearchDocument;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the index holds of a message: one document per version, the last one current. A message whose original was
 * never captured (only an edit, a deletion or a status arrived) is indexed from what is known.
 */
public final class MessageDocuments {
    private final Function<AccountRef, String> ownerOf;
    private final Function<String, Optional<String>> attachmentTextOf;

    /**
     * @param ownerOf          the relationship manager an account belongs to, or null
     * @param attachmentTextOf the text extracted from a stored blob, by its SHA-256; empty while there is none
     */
    public MessageDocuments(Function<AccountRef, String> ownerOf, Function<String, Optional<String>> attachmentTextOf) {
        this.ownerOf = ownerOf;
        this.attachmentTextOf = attachmentTextOf;
    }

    public List<SearchDocument> of(StoredMessage message) {
        List<StoredRecord> versions = message.versions();
        if (versions.isEmpty()) {
            return List.of(knownOnlyByItsEvents(message));
        }
        ArchivedMessage original = message.original().orElse(null);
        boolean deleted = message.deletion().isPresent();
        List<SearchDocument> documents = new ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            StoredRecord version = versions.get(i);
            MessageContent content = message.resolvedContentOf(version);
            Instant versionTime = version.record() instanceof MessageEdit edit ? edit.editedAt() : original.sentAt();
            SearchDocument.Builder document = SearchDocument.builder(version.recordId(), message.messageId(),
                            original != null ? original.sentAt() : versionTime)
                    .versionId(version.recordId())
                    .versionNumber(version.versionNumber())
                    .current(i == versions.size() - 1)
                    .platform(message.key().platform().wireName())
                    .accountId(message.key().accountId())
                    .rm(ownerOf.apply(message.key().account()))
                    .conversationId(message.conversationId())
                    .capturedAt(version.record().capturedAt())
                    .text(content.text())
                    .attachmentNames(content.attachments().stream().map(Attachment::fileName).filter(Objects::nonNull).toList())
                    .attachmentText(attachmentText(content))
                    .deleted(deleted);
            if (original != null) {
                document.channel(original.channel().wireName())
                        .direction(original.direction().wireName())
                        .sender(participant(original.sender()))
                        .participants(participants(original));
            }
            documents.add(document.build());
        }
        return documents;
    }

    /**
     * A message the archive never captured, known only from a delivery status or a deletion the platform reported (a
     * message sent outside the gateway, say): it is indexed without text, so a completeness review can find it.
     */
    private SearchDocument knownOnlyByItsEvents(StoredMessage message) {
        StoredRecord first = message.records().get(0);
        return SearchDocument.builder(message.messageId(), message.messageId(), first.record().capturedAt())
                .versionNumber(0)
                .current(true)
                .platform(message.key().platform().wireName())
                .accountId(message.key().accountId())
                .rm(ownerOf.apply(message.key().account()))
                .conversationId(message.conversationId())
                .capturedAt(first.record().capturedAt())
                .deleted(message.deletion().isPresent())
                .build();
    }

    private String attachmentText(MessageContent content) {
        return content.attachments().stream().map(Attachment::sha256).filter(Objects::nonNull).distinct()
                .map(attachmentTextOf).flatMap(Optional::stream).collect(Collectors.joining("\n\n"));
    }

    private static List<SearchDocument.Participant> participants(ArchivedMessage original) {
        Set<SearchDocument.Participant> all = new LinkedHashSet<>();
        all.add(participant(original.sender()));
        original.recipients().forEach(recipient -> all.add(participant(recipient)));
        return List.copyOf(all);
    }

    private static SearchDocument.Participant participant(Participant participant) {
        return new SearchDocument.Participant(participant.platformId(), participant.displayName());
    }
}
