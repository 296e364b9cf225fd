package org.imarchive.gateway.outbound;

import org.imarchive.connectors.whatsappcloud.GraphMessagesApi;

/** Sends through Meta's Cloud API from the approved phone number id; Meta echoes the outbound id on its statuses. */
final class WhatsAppCloudSender implements PlatformSender {
    private final GraphMessagesApi api;

    WhatsAppCloudSender(GraphMessagesApi api) {
        this.api = api;
    }

    @Override
    public OutboundChannel channel() {
        return OutboundChannel.WHATSAPP_CLOUD;
    }

    @Override
    public SentReceipt send(OutboundIntent intent) {
        GraphMessagesApi.SentMessage sent = api.sendText(intent.account(), intent.to(), intent.text(), intent.replyTo(), intent.outboundId());
        return new SentReceipt(sent.wamid(), null, sent.httpStatus(), sent.responseBody());
    }
}
