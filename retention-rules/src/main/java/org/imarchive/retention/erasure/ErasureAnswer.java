package org.imarchive.retention.erasure;

import java.time.Instant;
import java.util.List;

/**
 * The answer to an erasure request, to be recorded whatever it says: what would be erased, what was kept and why,
 * and which of the records submitted do not involve the data subject at all (not theirs to have erased).
 */
public record ErasureAnswer(String requestReference, Instant evaluatedAt, List<String> erasable, List<KeptRecord> kept,
                            List<String> notTheSubjects) {

    /** A record kept, with every exemption that applies (a record can be both retained and held). */
    public record KeptRecord(String recordId, String recordHash, List<ErasureGround> grounds) {
        public KeptRecord {
            grounds = List.copyOf(grounds);
        }
    }

    public ErasureAnswer {
        erasable = List.copyOf(erasable);
        kept = List.copyOf(kept);
        notTheSubjects = List.copyOf(notTheSubjects);
    }
}
