package org.imarchive.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, through years if need be. */
public final class TestClock extends Clock {

    private Instant now;

    public TestClock(String now) {
        this.now = Instant.parse(now);
    }

    public TestClock set(String instant) {
        now = Instant.parse(instant);
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the archive's clock is UTC");
    }
}
