package org.imarchive.gateway.outbound;

import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * A route the gateway can send by, with the journal sources its records are captured under: the request (the message
 * as the relationship manager wrote it) and the platform's answer to the send.
 */
public enum OutboundChannel {
    TWILIO(Channel.TWILIO, "twilio-whatsapp-outbound"),
    WHATSAPP_CLOUD(Channel.WHATSAPP_CLOUD, "whatsapp-cloud-outbound"),
    TELEGRAM_BOT(Channel.TELEGRAM_BOT, "telegram-outbound");

    private final Channel channel;
    private final String requestSource;

    OutboundChannel(Channel channel, String requestSource) {
        this.channel = channel;
        this.requestSource = requestSource;
    }

    public Channel channel() {
        return channel;
    }

    public Platform platform() {
        return channel.platform();
    }

    public String wireName() {
        return channel.wireName();
    }

    public String requestSource() {
        return requestSource;
    }

    public String resultSource() {
        return requestSource + "-result";
    }

    public static Optional<OutboundChannel> byWireName(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(wireName)).findFirst();
    }

    public static Optional<OutboundChannel> bySource(String source) {
        return Arrays.stream(values()).filter(c -> c.requestSource.equals(source) || c.resultSource().equals(source)).findFirst();
    }
}
