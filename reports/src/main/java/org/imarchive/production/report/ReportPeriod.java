package org.imarchive.production.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The calendar days a report covers, both inclusive, in the firm's time zone: from the start of {@code from} to the
 * start of the day after {@code to}, there. A month in New York is not the same instants as a month in UTC, and the
 * supervisory procedures are written in the firm's days.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a report period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (exclusive). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    @Override
    public String toString() {
        return from + " to " + to + " (" + zone.getId() + ")";
    }
}
