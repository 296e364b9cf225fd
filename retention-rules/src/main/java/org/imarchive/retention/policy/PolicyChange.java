package org.imarchive.retention.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A move from one policy version to the next, checked before the new version is used. The new version governs new
 * records at once; for records already archived it may only extend ({@link RetentionPolicySet#reevaluate}).
 * {@link #classesThatMayShorten()} tells the compliance officer, at load time and without reading a record, which
 * retention classes the new version would shorten if it were allowed to; {@link ReevaluationTally} gives the exact
 * figures once the archived records have been re-evaluated.
 */
public final class PolicyChange {

    /** Why a previous retention class may give a shorter expiry under the new version. */
    public enum Shortening { RULE_REMOVED, SHORTER_PERIOD, NARROWER_SCOPE }

    /** One previous class the new version may shorten. */
    public record ClassShortening(String retentionClass, Shortening why, String detail) {
    }

    private final RetentionPolicySet previous;
    private final RetentionPolicySet next;
    private final List<ClassShortening> classesThatMayShorten;

    private PolicyChange(RetentionPolicySet previous, RetentionPolicySet next, List<ClassShortening> classesThatMayShorten) {
        this.previous = previous;
        this.next = next;
        this.classesThatMayShorten = List.copyOf(classesThatMayShorten);
    }

    /**
     * Refuses a new version that is not newer, and a file edited without a new version number (records would carry
     * a version that no longer says which rules applied).
     */
    public static PolicyChange between(RetentionPolicySet previous, RetentionPolicySet next) {
        if (next.version() == previous.version() && !next.contentHash().equals(previous.contentHash())) {
            throw new IllegalArgumentException("retention policy " + next.source() + " changed its content but kept version "
                    + next.version() + ": give the new content a new version number");
        }
        if (next.version() < previous.version()) {
            throw new IllegalArgumentException("retention policy " + next.source() + " has version " + next.version()
                    + ", older than the version " + previous.version() + " already in use");
        }
        Map<String, RetentionRule> nextRules = next.rules().stream()
                .collect(Collectors.toMap(RetentionRule::id, Function.identity()));
        List<ClassShortening> shortenings = new ArrayList<>();
        for (RetentionRule before : previous.rules()) {
            RetentionRule after = nextRules.get(before.id());
            if (after == null) {
                shortenings.add(new ClassShortening(before.id(), Shortening.RULE_REMOVED, "no rule '" + before.id() + "' any more"));
            } else if (after.period().mayEndBefore(before.period())) {
                shortenings.add(new ClassShortening(before.id(), Shortening.SHORTER_PERIOD, before.period() + " -> " + after.period()));
            } else if (narrower(after.criteria(), before.criteria())) {
                shortenings.add(new ClassShortening(before.id(), Shortening.NARROWER_SCOPE, "applies to fewer records than before"));
            }
        }
        return new PolicyChange(previous, next, shortenings);
    }

    public RetentionPolicySet previous() {
        return previous;
    }

    public RetentionPolicySet next() {
        return next;
    }

    /**
     * Previous classes whose records the new version may give an earlier expiry (conservative: another rule may still
     * keep them as long). Those records keep their existing expiry; the list is for the change's approval record.
     */
    public List<ClassShortening> classesThatMayShorten() {
        return classesThatMayShorten;
    }

    private static boolean narrower(RuleCriteria after, RuleCriteria before) {
        return narrower(after.recordTypes(), before.recordTypes())
                || narrower(after.platforms(), before.platforms())
                || narrower(after.accounts(), before.accounts())
                || narrower(after.businessLines(), before.businessLines())
                || narrower(after.jurisdictions(), before.jurisdictions());
    }

    /** An empty set allows anything, so a set is narrower unless it is empty or holds all the values it held. */
    private static <T> boolean narrower(Set<T> after, Set<T> before) {
        return !after.isEmpty() && (before.isEmpty() || !after.containsAll(before));
    }
}
