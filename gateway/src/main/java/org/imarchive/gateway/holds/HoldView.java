package org.imarchive.gateway.holds;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.imarchive.retention.hold.LegalHold;

import java.time.Instant;
import java.util.List;

/**
 * A hold as the API shows it. {@code records} (the archived messages in its scope) and {@code history} are given for
 * one hold, not in the list, where counting every hold's records would cost a search each.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldView(String id, String matter, String reason, String state, String placedBy, Instant placedAt, ScopeBody scope,
                       String releasedBy, Instant releasedAt, String releaseReason, Long records, List<HoldEvent> history) {

    public static HoldView of(LegalHold hold) {
        return of(hold, null, null);
    }

    public static HoldView of(LegalHold hold, Long records, List<HoldEvent> history) {
        return new HoldView(hold.id(), hold.matter(), hold.reason(), hold.isActive() ? "active" : "released", hold.placedBy(), hold.placedAt(),
                ScopeBody.of(hold.scope()), hold.isActive() ? null : hold.release().releasedBy(),
                hold.isActive() ? null : hold.release().releasedAt(), hold.isActive() ? null : hold.release().reason(), records, history);
    }
}
