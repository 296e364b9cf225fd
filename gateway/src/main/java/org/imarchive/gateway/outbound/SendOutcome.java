package org.imarchive.gateway.outbound;

import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.pipeline.MalformedPayloadException;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What became of a send, as it is journaled after the platform answered: the body is the platform's answer byte for
 * byte (empty when none came); the headers of record say which send it answers and what we read from it.
 *
 * @param state             {@link State#ACCEPTED}: the platform took it and named it {@code platformMessageId};
 *                          {@link State#FAILED}: the platform refused it (or the gateway withheld it), nothing was sent;
 *                          {@link State#UNCONFIRMED}: no answer came, so whether it went out is not known
 * @param platformStatus    the platform's first status word where it gives one (Twilio: queued)
 */
public record SendOutcome(String outboundId, OutboundChannel channel, String account, State state, String platformMessageId,
                          String platformStatus, int httpStatus, String errorCode, String reason, byte[] platformAnswer) {

    public enum State { ACCEPTED, FAILED, UNCONFIRMED }

    static final String OUTBOUND_ID = "outbound-id";
    static final String ACCOUNT = "account";
    static final String STATE = "state";
    static final String PLATFORM_MESSAGE_ID = "platform-message-id";
    static final String PLATFORM_STATUS = "platform-status";
    static final String HTTP_STATUS = "http-status";
    static final String ERROR_CODE = "error-code";
    static final String REASON = "reason";

    public static SendOutcome accepted(OutboundIntent intent, SentReceipt receipt) {
        return new SendOutcome(intent.outboundId(), intent.channel(), intent.account(), State.ACCEPTED, receipt.platformMessageId(),
                receipt.platformStatus(), receipt.httpStatus(), null, null, receipt.responseBody());
    }

    public static SendOutcome notSent(OutboundIntent intent, State state, int httpStatus, String errorCode, String reason) {
        return new SendOutcome(intent.outboundId(), intent.channel(), intent.account(), state, null, null, httpStatus, errorCode, reason, new byte[0]);
    }

    public CapturedPayload toPayload(Instant receivedAt) {
        Map<String, String> headers = new TreeMap<>();
        headers.put(OUTBOUND_ID, outboundId);
        headers.put(ACCOUNT, account);
        headers.put(STATE, state.name().toLowerCase(Locale.ROOT));
        putIfPresent(headers, PLATFORM_MESSAGE_ID, platformMessageId);
        putIfPresent(headers, PLATFORM_STATUS, platformStatus);
        headers.put(HTTP_STATUS, Integer.toString(httpStatus));
        putIfPresent(headers, ERROR_CODE, errorCode);
        putIfPresent(headers, REASON, reason);
        return CapturedPayload.of(channel.resultSource(), receivedAt, headers, platformAnswer);
    }

    public static SendOutcome fromPayload(CapturedPayload payload) {
        OutboundChannel channel = OutboundChannel.bySource(payload.source())
                .orElseThrow(() -> new MalformedPayloadException("not an outbound result source: " + payload.source()));
        Map<String, String> headers = payload.headers();
        State state;
        int httpStatus;
        try {
            state = State.valueOf(required(headers, STATE).toUpperCase(Locale.ROOT));
            httpStatus = Integer.parseInt(required(headers, HTTP_STATUS));
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("outbound result has an unknown state or a non-numeric http status");
        }
        String platformMessageId = headers.get(PLATFORM_MESSAGE_ID);
        if (state == State.ACCEPTED && platformMessageId == null) {
            throw new MalformedPayloadException("an accepted outbound result names no platform message id");
        }
        return new SendOutcome(required(headers, OUTBOUND_ID), channel, required(headers, ACCOUNT), state, platformMessageId,
                headers.get(PLATFORM_STATUS), httpStatus, headers.get(ERROR_CODE), headers.get(REASON), payload.body());
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isEmpty()) {
            throw new MalformedPayloadException("outbound result has no " + name);
        }
        return value;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isEmpty()) {
            headers.put(name, value);
        }
    }
}
