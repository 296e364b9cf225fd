package org.imarchive.gateway.outbound;

import org.imarchive.connectors.twilio.TwilioMessagesApi;

/**
 * Sends through Twilio's Messages API from the approved business number. The status callback URL carries the outbound
 * id, so Twilio's statuses reach the message archived before the send.
 */
final class TwilioSender implements PlatformSender {
    private final TwilioMessagesApi api;
    private final String publicUrl;

    TwilioSender(TwilioMessagesApi api, String publicUrl) {
        this.api = api;
        this.publicUrl = publicUrl;
    }

    @Override
    public OutboundChannel channel() {
        return OutboundChannel.TWILIO;
    }

    @Override
    public void check(OutboundIntent intent) {
        if (intent.replyTo() != null) {
            throw new IllegalArgumentException("Twilio's Messages API cannot send a quoted reply; send without replyTo");
        }
        if (!intent.account().startsWith("+") || !intent.to().startsWith("+")) {
            throw new IllegalArgumentException("Twilio sends between E.164 numbers: account and to must start with +");
        }
    }

    @Override
    public SentReceipt send(OutboundIntent intent) {
        // without a public URL Twilio has nowhere to report statuses; the send itself still works
        String callback = publicUrl == null ? null : TwilioMessagesApi.statusCallbackUrl(publicUrl, intent.outboundId());
        TwilioMessagesApi.CreatedMessage created = api.create(intent.account(), intent.to(), intent.text(), callback);
        return new SentReceipt(created.sid(), created.status(), created.httpStatus(), created.responseBody());
    }
}
