package org.imarchive.gateway.holds;

import java.time.Instant;

/**
 * One step in a hold's history: {@code placed}, {@code changed} (a new scope) or {@code released}, with the scope in
 * force after it.
 */
public record HoldEvent(String action, String actor, Instant occurredAt, String reason, ScopeBody scope) {
}
