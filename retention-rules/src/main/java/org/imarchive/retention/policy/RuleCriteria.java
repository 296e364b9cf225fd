package org.imarchive.retention.policy;

import org.imarchive.archive.model.Platform;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a rule applies to. Each dimension is a set of allowed values; an empty set allows any value. A record
 * matches when it matches every dimension. Business lines and jurisdictions compare without case (a policy author's
 * {@code eu} must not silently miss a record booked as {@code EU}); account ids are platform ids and compare verbatim.
 * A record with no value for a dimension the rule restricts does not match it.
 */
public record RuleCriteria(Set<RecordType> recordTypes, Set<Platform> platforms, Set<String> accounts,
                           Set<String> businessLines, Set<String> jurisdictions) {

    public RuleCriteria {
        recordTypes = recordTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(recordTypes));
        platforms = Set.copyOf(platforms);
        accounts = Set.copyOf(accounts);
        businessLines = upperCase(businessLines);
        jurisdictions = upperCase(jurisdictions);
    }

    public static RuleCriteria any() {
        return new RuleCriteria(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static RuleCriteria recordTypes(RecordType... types) {
        return new RuleCriteria(Set.of(types), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public boolean matches(RetentionSubject subject) {
        return allows(recordTypes, subject.recordType())
                && allows(platforms, subject.platform())
                && allows(accounts, subject.accountId())
                && (businessLines.isEmpty() || allows(businessLines, upperCase(subject.businessLine())))
                && (jurisdictions.isEmpty() || allows(jurisdictions, upperCase(subject.jurisdiction())));
    }

    /** True when this rule matches every record of {@code type}: it restricts nothing but, perhaps, the record type. */
    public boolean coversEvery(RecordType type) {
        return (recordTypes.isEmpty() || recordTypes.contains(type))
                && platforms.isEmpty() && accounts.isEmpty() && businessLines.isEmpty() && jurisdictions.isEmpty();
    }

    private static <T> boolean allows(Set<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

    private static Set<String> upperCase(Set<String> values) {
        return values.stream().map(RuleCriteria::upperCase).collect(Collectors.toUnmodifiableSet());
    }

    private static String upperCase(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
