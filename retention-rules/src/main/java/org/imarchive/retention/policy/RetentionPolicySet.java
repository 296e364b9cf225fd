package org.imarchive.retention.policy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One version of the retention policy: its rules in file order, its version number and the hash of its content.
 * Immutable; one instance serves all threads.
 *
 * @param source where it was read from, for messages (a file name)
 */
public record RetentionPolicySet(String name, int version, String contentHash, String source, List<RetentionRule> rules) {

    public RetentionPolicySet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentHash, "contentHash");
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (RetentionRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule id '" + rule.id() + "' is used twice; it names a retention class");
            }
        }
        Set<RecordType> uncovered = EnumSet.allOf(RecordType.class);
        rules.forEach(rule -> uncovered.removeIf(type -> rule.criteria().coversEvery(type)));
        if (!uncovered.isEmpty()) {
            throw new IllegalArgumentException("no default rule (one restricting at most the record type) for "
                    + uncovered.stream().map(RecordType::wireName).toList() + ": every record needs a retention");
        }
    }

    /**
     * The retention of a new record: of the rules that match, the one keeping it longest wins (on a tie, the first in
     * the policy, so a reordering of equal rules is the only thing that can change the class and not the expiry).
     * The default rules guarantee a match.
     */
    public RetentionAssignment assign(RetentionSubject subject) {
        LocalDate recordDate = LocalDate.ofInstant(subject.recordTime(), ZoneOffset.UTC);
        List<String> matched = new ArrayList<>(2);
        RetentionRule winner = null;
        LocalDate longest = null;
        for (RetentionRule rule : rules) {
            if (rule.criteria().matches(subject)) {
                matched.add(rule.id());
                LocalDate last = rule.period().lastRetainedDay(recordDate);
                if (longest == null || last.isAfter(longest)) {
                    longest = last;
                    winner = rule;
                }
            }
        }
        if (winner == null) {
            throw new IllegalStateException("policy " + name + " v" + version + " has no rule for " + subject);
        }
        return new RetentionAssignment(subject, winner.id(), winner.legalBasis(), winner.period(), matched,
                longest.plusDays(1), version, contentHash);
    }

    /**
     * What a new policy version means for a record already archived: its expiry is extended when the new policy keeps
     * it longer, and otherwise stays as it was. Never shorter: records were committed under a duty that a later
     * edit of the file cannot undo (SEC 17a-4(f) compliance mode).
     */
    public static Reevaluation reevaluate(RetentionAssignment existing, RetentionPolicySet newPolicies) {
        RetentionAssignment proposed = newPolicies.assign(existing.subject());
        if (proposed.expiresOn().isAfter(existing.expiresOn())) {
            return new Reevaluation(Reevaluation.Outcome.EXTENDED, proposed, proposed);
        }
        if (proposed.expiresOn().isBefore(existing.expiresOn())) {
            return new Reevaluation(Reevaluation.Outcome.KEPT_LONGER, existing, proposed);
        }
        return new Reevaluation(Reevaluation.Outcome.UNCHANGED, existing, proposed);
    }

    public String label() {
        return name + " v" + version + " (" + contentHash + ")";
    }
}
