package org.imarchive.retention.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of record a retention rule can govern; each must be covered by a default rule of the policy. */
public enum RecordType {
    MESSAGE, ATTACHMENT, AUDIT_ENTRY, REVIEW_EVIDENCE;

    /** The name the policy file uses: {@code message}, {@code attachment}, {@code audit-entry}, {@code review-evidence}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RecordType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }
}
