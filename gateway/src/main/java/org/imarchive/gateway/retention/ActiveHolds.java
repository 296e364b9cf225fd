package org.imarchive.gateway.retention;

import org.imarchive.retention.hold.LegalHold;

import java.util.List;

/**
 * Port: the legal holds in force now. The holds register (placing and releasing holds, {@code /api/holds}) implements
 * it; disposition and erasure ask it every time they decide, never a copy.
 */
@FunctionalInterface
public interface ActiveHolds {

    List<LegalHold> active();
}
