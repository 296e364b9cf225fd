package org.imarchive.retention.erasure;

import org.imarchive.retention.hold.PartyIds;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The person asking for erasure: the request's reference (ticket, DSAR number) and the platform ids they are known by
 * (phone numbers, Telegram user ids), compared as holds compare them.
 */
public record DataSubject(String reference, Set<String> platformIds) {

    public DataSubject {
        Objects.requireNonNull(reference, "reference");
        platformIds = platformIds.stream().map(PartyIds::comparable).collect(Collectors.toUnmodifiableSet());
        if (platformIds.isEmpty()) {
            throw new IllegalArgumentException("an erasure request names at least one platform id of the data subject");
        }
    }
}
