package org.imarchive.retention.disposition;

import java.time.LocalDate;
import java.util.List;

/** An expired record a plan keeps because legal holds cover it; {@code holdIds} names each of them. */
public record HeldBackRecord(String recordId, String recordHash, LocalDate expiresOn, String retentionClass, List<String> holdIds) {

    public HeldBackRecord {
        holdIds = List.copyOf(holdIds);
    }
}
