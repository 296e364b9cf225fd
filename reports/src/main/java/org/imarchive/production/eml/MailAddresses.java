package org.imarchive.production.eml;

import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;

import java.util.Locale;

/**
 * Mail addresses for chat participants, who have none: the platform id under a {@code .invalid} domain (RFC 2606),
 * so no mail client can ever send to one, with the display name the platform showed.
 */
public final class MailAddresses {
    private MailAddresses() {
    }

    /** The participant as a mailbox header value: {@code "Name" <id@platform.imarchive.invalid>}. */
    public static String mailbox(Participant participant, Platform platform) {
        return HeaderText.mailbox(participant.displayName(), address(participant.platformId(), platform));
    }

    public static String address(String platformId, Platform platform) {
        String local = platformId.replaceAll("[^A-Za-z0-9._+-]", "_");
        return (local.isEmpty() ? "unknown" : local) + "@" + platform.wireName().toLowerCase(Locale.ROOT) + ".imarchive.invalid";
    }
}
