package org.imarchive.gateway.outbound;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/messages/send}: 201 once the platform accepted the archived message; 502 when the platform refused
 * it or did not answer (the attempt is archived all the same, and the body says which message records it); 409 for an
 * account that is not approved, 403 for one that is not the caller's, 400 for a request that cannot be sent.
 */
@RestController
public class SendController {
    private final OutboundService outbound;

    public SendController(OutboundService outbound) {
        this.outbound = outbound;
    }

    @PostMapping("/api/messages/send")
    public ResponseEntity<Map<String, Object>> send(@RequestBody SendRequest request, HttpServletRequest http) {
        SendResult result = outbound.send(request, Actors.current(), Actors.addressOf(http));
        Map<String, Object> body = new LinkedHashMap<>();
        boolean accepted = result.state() == SendOutcome.State.ACCEPTED;
        if (!accepted) {
            body.put("status", HttpStatus.BAD_GATEWAY.value());
            body.put("reason", result.reason());
        }
        body.put("outboundId", result.outboundId());
        body.put("messageId", result.messageId());
        body.put("state", result.state().name().toLowerCase(java.util.Locale.ROOT));
        body.put("platformMessageId", result.platformMessageId());
        body.put("platformStatus", result.platformStatus());
        body.put("platformHttpStatus", result.platformHttpStatus() == 0 ? null : result.platformHttpStatus());
        body.put("errorCode", result.errorCode());
        body.values().removeIf(java.util.Objects::isNull);
        return ResponseEntity.status(accepted ? HttpStatus.CREATED : HttpStatus.BAD_GATEWAY).body(body);
    }
}
