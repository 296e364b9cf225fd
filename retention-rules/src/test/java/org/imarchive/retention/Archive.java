package org.imarchive.retention;

import org.imarchive.archive.model.Platform;
import org.imarchive.archive.support.Sha256;
import org.imarchive.retention.hold.RecordFacts;
import org.imarchive.retention.policy.RecordType;
import org.imarchive.retention.policy.RetentionPeriod;
import org.imarchive.retention.policy.RetentionPolicySet;
import org.imarchive.retention.policy.RetentionRule;
import org.imarchive.retention.policy.RetentionSubject;
import org.imarchive.retention.policy.RuleCriteria;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Archived records for disposition and erasure tests, under a small SEC / FINRA / MiFID policy. */
public final class Archive {

    public static final RetentionPolicySet POLICY = new RetentionPolicySet("test", 1, "sha256:test", "test.yml", List.of(
            new RetentionRule("sec-3y", null, RuleCriteria.recordTypes(RecordType.MESSAGE, RecordType.ATTACHMENT), RetentionPeriod.ofYears(3), "SEC 17a-4(b)(4)"),
            new RetentionRule("finra-6y", null, RuleCriteria.recordTypes(RecordType.MESSAGE, RecordType.ATTACHMENT), RetentionPeriod.ofYears(6), "FINRA 4511"),
            new RetentionRule("mifid-7y", null, new RuleCriteria(Set.of(RecordType.MESSAGE), Set.of(), Set.of(), Set.of(), Set.of("EU")),
                    RetentionPeriod.ofYears(7), "MiFID II Art. 16(7)"),
            new RetentionRule("evidence-7y", null, RuleCriteria.recordTypes(RecordType.AUDIT_ENTRY, RecordType.REVIEW_EVIDENCE),
                    RetentionPeriod.ofYears(7), "SEC 17a-4(f)")));

    private Archive() {
    }

    /** A message between an RM and a client, in conversation {@code rm/client}, retained under {@link #POLICY}. */
    public static RetainedRecord message(String id, String rm, String client, String sentAt, String jurisdiction) {
        Instant sent = Instant.parse(sentAt);
        RetentionSubject subject = new RetentionSubject(RecordType.MESSAGE, Platform.WHATSAPP, "+15550001111", "wealth", jurisdiction, sent);
        RecordFacts facts = new RecordFacts(id, rm + "/" + client, Set.of(rm), Set.of(client, "+15550001111"), sent, Platform.WHATSAPP, "+15550001111");
        return new RetainedRecord(id, Sha256.hex(id.getBytes(StandardCharsets.UTF_8)), POLICY.assign(subject), facts);
    }

    public static RetainedRecord message(String id, String rm, String client, String sentAt) {
        return message(id, rm, client, sentAt, "US");
    }
}
