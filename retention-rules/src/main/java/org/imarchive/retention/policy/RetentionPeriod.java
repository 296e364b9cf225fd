package org.imarchive.retention.policy;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long a rule keeps a record, in calendar years, months and days (never a number of seconds: "6 years" must
 * survive leap years). Applied to a UTC calendar date as {@link LocalDate#plus}: years and months first, clamped to
 * the month's end (29 February + 1 year is 28 February), then days.
 */
public record RetentionPeriod(int years, int months, int days) {

    public RetentionPeriod {
        if (years < 0 || months < 0 || days < 0) {
            throw new IllegalArgumentException("a retention period cannot be negative: " + years + "y " + months + "m " + days + "d");
        }
        if (years == 0 && months == 0 && days == 0) {
            throw new IllegalArgumentException("a retention period of zero keeps nothing");
        }
    }

    public static RetentionPeriod ofYears(int years) {
        return new RetentionPeriod(years, 0, 0);
    }

    /** The last calendar day a record dated {@code recordDate} must still be kept. */
    public LocalDate lastRetainedDay(LocalDate recordDate) {
        return recordDate.plus(Period.of(years, months, days));
    }

    /**
     * True when, for some record date, this period ends before {@code other} does. Periods mixing months and days do
     * not order totally (1 month against 30 days depends on the month), so this answers conservatively: false only
     * when this period has at least as many months and at least as many days as {@code other}.
     */
    public boolean mayEndBefore(RetentionPeriod other) {
        return totalMonths() < other.totalMonths() || days < other.days;
    }

    private int totalMonths() {
        return years * 12 + months;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (years > 0) {
            text.append(years).append('y');
        }
        if (months > 0) {
            text.append(months).append('m');
        }
        if (days > 0) {
            text.append(days).append('d');
        }
        return text.toString();
    }
}
