package org.imarchive.gateway.retention;

import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.LegalHold;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The holds register for these tests: real {@link LegalHold} values placed and released in memory, standing in for
 * the {@code /api/holds} register until it is merged.
 */
public final class TestHolds implements ActiveHolds {
    private final List<LegalHold> holds = new CopyOnWriteArrayList<>();

    public LegalHold place(String matter, HoldScope scope, Instant at) {
        LegalHold hold = LegalHold.place(matter, "litigation hold", "counsel", at, scope);
        holds.add(hold);
        return hold;
    }

    public void release(LegalHold hold, Instant at) {
        holds.replaceAll(h -> h.id().equals(hold.id()) ? h.release("counsel", at, "matter settled") : h);
    }

    @Override
    public List<LegalHold> active() {
        return holds.stream().filter(LegalHold::isActive).toList();
    }
}
