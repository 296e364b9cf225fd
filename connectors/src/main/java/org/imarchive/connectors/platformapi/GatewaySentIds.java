package org.imarchive.connectors.platformapi;

import java.util.Optional;

/**
 * The archive identity of a message the gateway sends. It is archived before the platform has seen it, so before the
 * platform's id exists: its platform message id is ours, {@code gateway:<outbound id>}. The senders hand the outbound
 * id to the platform where the platform echoes it back on status callbacks (Twilio's StatusCallback URL, Meta's
 * {@code biz_opaque_callback_data}), so those callbacks are archived under this same identity
 * (docs/adr/0011-sending-and-reconciliation.md).
 */
public final class GatewaySentIds {
    private static final String PREFIX = "gateway:";

    private GatewaySentIds() {
    }

    public static String platformMessageIdOf(String outboundId) {
        if (outboundId == null || outboundId.isBlank()) {
            throw new IllegalArgumentException("an outbound id is required");
        }
        return PREFIX + outboundId;
    }

    /** The outbound id in a platform message id the gateway gave, or empty for the platform's own ids. */
    public static Optional<String> outboundIdOf(String platformMessageId) {
        return platformMessageId != null && platformMessageId.startsWith(PREFIX) && platformMessageId.length() > PREFIX.length()
                ? Optional.of(platformMessageId.substring(PREFIX.length())) : Optional.empty();
    }

    /**
     * An outbound id as it may travel through a platform and back: our ids are UUIDs, so anything else coming back is
     * not ours and must not key a record.
     */
    public static boolean isOutboundId(String value) {
        return value != null && value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
