package org.imarchive.gateway.outbound;

import org.imarchive.connectors.telegram.TelegramBotApi;

/**
 * Sends through the Bot API. An approved business connection sends as the relationship manager's own Telegram
 * account ({@code business_connection_id}); the bot's own account id sends from the bot, in a bot chat.
 */
final class TelegramSender implements PlatformSender {
    private final TelegramBotApi api;
    private final String botAccountId;

    TelegramSender(TelegramBotApi api, String botAccountId) {
        this.api = api;
        this.botAccountId = botAccountId;
    }

    @Override
    public OutboundChannel channel() {
        return OutboundChannel.TELEGRAM_BOT;
    }

    @Override
    public void check(OutboundIntent intent) {
        if (intent.replyTo() != null && !intent.replyTo().matches("-?\\d+:\\d+")) {
            throw new IllegalArgumentException("a Telegram replyTo is a platform message id <chat id>:<message id>");
        }
        if (intent.replyTo() != null && !intent.replyTo().startsWith(intent.to() + ":")) {
            throw new IllegalArgumentException("replyTo names a message of another chat than to");
        }
    }

    @Override
    public SentReceipt send(OutboundIntent intent) {
        String connection = intent.account().equals(botAccountId) ? null : intent.account();
        String replyTo = intent.replyTo() == null ? null : intent.replyTo().substring(intent.replyTo().lastIndexOf(':') + 1);
        TelegramBotApi.SentMessage sent = api.sendMessage(connection, intent.to(), intent.text(), replyTo);
        return new SentReceipt(sent.platformMessageId(), null, sent.httpStatus(), sent.responseBody());
    }
}
