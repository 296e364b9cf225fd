package org.imarchive.retention.policy;

import org.imarchive.archive.model.Platform;

import java.time.Instant;

/** Retention subjects for tests. */
final class Subjects {

    private Subjects() {
    }

    static RetentionSubject message(String sentAt) {
        return message(sentAt, null);
    }

    static RetentionSubject message(String sentAt, String jurisdiction) {
        return new RetentionSubject(RecordType.MESSAGE, Platform.WHATSAPP, "+15550001111", "wealth", jurisdiction, Instant.parse(sentAt));
    }

    static RetentionSubject of(RecordType type, String time, String businessLine, String jurisdiction) {
        return new RetentionSubject(type, Platform.TELEGRAM, "BC1", businessLine, jurisdiction, Instant.parse(time));
    }
}
