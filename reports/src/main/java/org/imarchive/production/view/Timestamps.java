package org.imarchive.production.view;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A time as a transcript shows it: UTC first (what the archive keeps), then the firm's local time with its zone. */
public final class Timestamps {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private final ZoneId firmZone;
    private final DateTimeFormatter local;

    public Timestamps(ZoneId firmZone) {
        this.firmZone = firmZone;
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT).withZone(firmZone);
    }

    public String utc(Instant time) {
        return UTC.format(time);
    }

    /** {@code 2025-03-14 09:30:12 UTC (10:30:12 +01:00 Europe/Zurich)}. */
    public String both(Instant time) {
        return utc(time) + " (" + local.format(time) + " " + firmZone.getId() + ")";
    }

    public ZoneId firmZone() {
        return firmZone;
    }
}
