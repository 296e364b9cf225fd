package org.imarchive.archive.search.internal;

import org.imarchive.archive.search.SearchDocument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The index schema both adapters share. Field names are also the names users type in queries ({@code sender:Müller}),
 * so an adapter maps a parsed query to its engine without renaming anything.
 */
public final class SearchFields {

    public static final String ID = "id";
    public static final String MESSAGE = "message";
    public static final String VERSION = "version";
    public static final String VERSION_NUMBER = "versionNumber";
    public static final String CURRENT = "current";
    public static final String DELETED = "deleted";
    public static final String FLAGGED = "flagged";
    public static final String PLATFORM = "platform";
    public static final String CHANNEL = "channel";
    public static final String ACCOUNT = "account";
    public static final String RM = "rm";
    public static final String CONVERSATION = "conversation";
    public static final String DIRECTION = "direction";
    public static final String RETENTION = "retention";
    /** Every sender and participant id and display name, whole and folded: the structured participant filter. */
    public static final String PARTICIPANT_KEY = "participantKey";

    public static final String TEXT = "text";
    public static final String ATTACHMENT = "attachment";
    public static final String SENDER = "sender";
    public static final String PARTICIPANT = "participant";

    public static final String SENT_AT = "sentAt";
    public static final String CAPTURED_AT = "capturedAt";

    /** Originals kept for the hit and its highlights; never searched. */
    public static final String DISPLAY_ID = "display.id";
    public static final String DISPLAY_MESSAGE_ID = "display.messageId";
    public static final String DISPLAY_CONVERSATION_ID = "display.conversationId";
    public static final String DISPLAY_TEXT = "display.text";
    public static final String DISPLAY_ATTACHMENT_TEXT = "display.attachmentText";
    public static final String DISPLAY_ATTACHMENT_NAMES = "display.attachmentNames";

    /** Split into words and folded; matched word by word, phrases and proximity work on them. */
    public static final List<String> WORD_FIELDS = List.of(TEXT, ATTACHMENT, SENDER, PARTICIPANT);
    /** Matched as one folded value. */
    public static final List<String> KEYWORD_FIELDS = List.of(ID, MESSAGE, VERSION, CURRENT, DELETED, FLAGGED,
            PLATFORM, CHANNEL, ACCOUNT, RM, CONVERSATION, DIRECTION, RETENTION, PARTICIPANT_KEY);
    /** Epoch milliseconds; queried with dates or ISO instants. */
    public static final List<String> TIME_FIELDS = List.of(SENT_AT, CAPTURED_AT);
    /** Where a word without a field prefix is looked for. */
    public static final List<String> DEFAULT_FIELDS = List.of(TEXT, ATTACHMENT);

    private SearchFields() {
    }

    public static boolean isQueryable(String field) {
        return WORD_FIELDS.contains(field) || KEYWORD_FIELDS.contains(field) || TIME_FIELDS.contains(field);
    }

    /** The original text of each word field, before normalization. */
    public static String wordFieldSource(SearchDocument doc, String field) {
        return switch (field) {
            case TEXT -> doc.text();
            case ATTACHMENT -> join(doc.attachmentText(), String.join("\n", doc.attachmentNames()));
            case SENDER -> join(doc.sender().platformId(), doc.sender().displayName());
            case PARTICIPANT -> participantSource(doc);
            default -> throw new IllegalArgumentException("not a word field: " + field);
        };
    }

    /** The folded values of each keyword field; several for {@code participantKey}. */
    public static List<String> keywordValues(SearchDocument doc, String field) {
        return switch (field) {
            case ID -> one(doc.id());
            case MESSAGE -> one(doc.messageId());
            case VERSION -> one(doc.versionId());
            case CURRENT -> List.of(Boolean.toString(doc.current()));
            case DELETED -> List.of(Boolean.toString(doc.deleted()));
            case FLAGGED -> List.of(Boolean.toString(doc.flagged()));
            case PLATFORM -> one(doc.platform());
            case CHANNEL -> one(doc.channel());
            case ACCOUNT -> one(doc.accountId());
            case RM -> one(doc.rm());
            case CONVERSATION -> one(doc.conversationId());
            case DIRECTION -> one(doc.direction());
            case RETENTION -> one(doc.retentionClass());
            case PARTICIPANT_KEY -> participantKeys(doc);
            default -> throw new IllegalArgumentException("not a keyword field: " + field);
        };
    }

    public static long timeValue(SearchDocument doc, String field) {
        return switch (field) {
            case SENT_AT -> doc.sentAt().toEpochMilli();
            case CAPTURED_AT -> doc.capturedAt().toEpochMilli();
            default -> throw new IllegalArgumentException("not a time field: " + field);
        };
    }

    private static String participantSource(SearchDocument doc) {
        // One value, not one per person: Lucene and Elasticsearch disagree on the position gap between values
        StringBuilder all = new StringBuilder(join(doc.sender().platformId(), doc.sender().displayName()));
        for (SearchDocument.Participant participant : doc.participants()) {
            all.append('\n').append(join(participant.platformId(), participant.displayName()));
        }
        return all.toString();
    }

    private static List<String> participantKeys(SearchDocument doc) {
        Set<String> keys = new LinkedHashSet<>();
        List<SearchDocument.Participant> everyone = new ArrayList<>(doc.participants());
        everyone.add(doc.sender());
        for (SearchDocument.Participant participant : everyone) {
            keys.addAll(one(participant.platformId()));
            keys.addAll(one(participant.displayName()));
        }
        return List.copyOf(keys);
    }

    private static List<String> one(String value) {
        return value.isEmpty() ? List.of() : List.of(TextNormalizer.fold(value));
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "\n" + second;
    }
}
