package org.imarchive.gateway.outbound;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.support.Ids;
import org.imarchive.connectors.platformapi.PlatformRefusedException;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.api.ApiException;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A relationship manager's send, in the order a regulator would want it: refuse what may not be sent (an account that
 * is not approved, or not the caller's); journal the message and wait until the archive has committed it; only then
 * hand it to the platform; journal the platform's answer. A crash after the commit leaves the message archived with no
 * answer, which reconciliation (Twilio) or the outbound register shows as a send whose outcome is unknown.
 */
public class OutboundService {
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(10);
    static final int MAX_TEXT_CHARS = 4096;

    private final ArchivePipeline pipeline;
    private final AccountRegister accounts;
    private final OutboundRegister register;
    private final Map<OutboundChannel, PlatformSender> senders;
    private final AuditLog audit;
    private final Clock clock;
    private final OutboundNormalizer normalizer = new OutboundNormalizer();

    public OutboundService(ArchivePipeline pipeline, AccountRegister accounts, OutboundRegister register, Map<OutboundChannel, PlatformSender> senders,
                           AuditLog audit, Clock clock) {
        this.pipeline = pipeline;
        this.accounts = accounts;
        this.register = register;
        this.senders = Map.copyOf(senders);
        this.audit = audit;
        this.clock = clock;
    }

    public SendResult send(SendRequest request, String actor, String remoteAddress) {
        OutboundIntent intent;
        try {
            intent = admissible(request, actor, remoteAddress);
        } catch (IllegalArgumentException e) {
            audit.record(new AuditEvent(actor, "message.send", request.platform() + ":" + request.account(), AuditEvent.Outcome.REFUSED,
                    remoteAddress, e.getMessage()));
            throw e;
        }
        OutboundChannel channel = intent.channel();
        PlatformSender sender = senders.get(channel);
        String target = channel.platform().wireName() + ":" + intent.account();
        Instant now = intent.requestedAt();

        CapturedPayload captured = CapturedPayload.of(channel.requestSource(), now, Map.of("Content-Type", "application/json"), intent.toJson());
        long sequence = pipeline.capture(captured);
        register.requested(intent, sequence);
        String messageId = normalizer.normalize(new CaptureRecord(sequence, captured)).get(0).id();

        SendOutcome outcome = archivedInTime(sequence) ? sendArchived(sender, intent) : SendOutcome.notSent(intent, SendOutcome.State.FAILED,
                0, null, "not sent: the archive did not confirm the record within " + COMMIT_WAIT.toSeconds() + " s");
        Instant answeredAt = clock.instant();
        pipeline.capture(outcome.toPayload(answeredAt));
        register.decided(outcome, answeredAt);
        audit.record(new AuditEvent(actor, "message.send", target,
                outcome.state() == SendOutcome.State.ACCEPTED ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILED, remoteAddress,
                "outbound=" + intent.outboundId() + " message=" + messageId + " channel=" + channel.wireName() + " to=" + intent.to()
                        + " state=" + outcome.state().name().toLowerCase(java.util.Locale.ROOT)
                        + (outcome.platformMessageId() == null ? "" : " platformMessageId=" + outcome.platformMessageId())
                        + (outcome.reason() == null ? "" : " reason=" + outcome.reason())));
        return new SendResult(intent.outboundId(), messageId, outcome.state(), outcome.platformMessageId(), outcome.platformStatus(),
                outcome.httpStatus(), outcome.errorCode(), outcome.reason());
    }

    /** Refuses (and audits) what may not be sent; what may, becomes the intent to journal. */
    private OutboundIntent admissible(SendRequest request, String actor, String remoteAddress) {
        OutboundChannel channel = channelOf(request);
        String account = required(request.account(), "account");
        String target = channel.platform().wireName() + ":" + account;
        Optional<String> owner = accounts.ownerOf(new AccountRef(channel.platform(), account));
        if (owner.isEmpty()) {
            refuse(actor, target, remoteAddress, HttpStatus.CONFLICT, target + " is not an approved account; nothing is sent from it");
        }
        if (!actor.equals(owner.get())) {
            refuse(actor, target, remoteAddress, HttpStatus.FORBIDDEN, target + " belongs to another relationship manager");
        }
        PlatformSender sender = senders.get(channel);
        if (sender == null) {
            refuse(actor, target, remoteAddress, HttpStatus.SERVICE_UNAVAILABLE, "the " + channel.wireName()
                    + " channel is not configured for sending (see gateway.twilio.account-sid, gateway.whatsapp-cloud.access-token, gateway.telegram.bot-token)");
        }
        Instant now = clock.instant();
        OutboundIntent intent = new OutboundIntent(Ids.newId(now), channel, account, required(request.to(), "to"), text(request.text()),
                blankToNull(request.replyTo()), actor, now);
        sender.check(intent);
        return intent;
    }

    private static SendOutcome sendArchived(PlatformSender sender, OutboundIntent intent) {
        try {
            return SendOutcome.accepted(intent, sender.send(intent));
        } catch (PlatformRefusedException e) {
            SendOutcome.State state = e.status() == 0 || e.status() >= 500 ? SendOutcome.State.UNCONFIRMED : SendOutcome.State.FAILED;
            return SendOutcome.notSent(intent, state, e.status(), e.errorCode(), e.getMessage());
        }
    }

    private boolean archivedInTime(long sequence) {
        try {
            return pipeline.awaitCommitted(sequence, COMMIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private OutboundChannel channelOf(SendRequest request) {
        Platform platform;
        try {
            platform = Platform.fromWireName(required(request.platform(), "platform"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("platform must be whatsapp or telegram");
        }
        if (request.channel() != null && !request.channel().isBlank()) {
            OutboundChannel channel = OutboundChannel.byWireName(request.channel())
                    .orElseThrow(() -> new IllegalArgumentException("channel must be twilio, whatsapp-cloud or telegram-bot"));
            if (channel.platform() != platform) {
                throw new IllegalArgumentException("channel " + channel.wireName() + " does not reach " + platform.wireName());
            }
            return channel;
        }
        if (platform == Platform.TELEGRAM) {
            return OutboundChannel.TELEGRAM_BOT;
        }
        return senders.containsKey(OutboundChannel.TWILIO) || !senders.containsKey(OutboundChannel.WHATSAPP_CLOUD)
                ? OutboundChannel.TWILIO : OutboundChannel.WHATSAPP_CLOUD;
    }

    private void refuse(String actor, String target, String remoteAddress, HttpStatus status, String reason) {
        audit.record(new AuditEvent(actor, "message.send", target, AuditEvent.Outcome.REFUSED, remoteAddress, reason));
        throw new ApiException(status, reason);
    }

    private static String text(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("text is longer than " + MAX_TEXT_CHARS + " characters");
        }
        return text;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
