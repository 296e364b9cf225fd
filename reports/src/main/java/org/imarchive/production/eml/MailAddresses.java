package org.imarchive.production.eml;

import jakarta.mail.internet.InternetAddress;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;

import java.io.UnsupportedEncodingException;
import java.util.Locale;

/**
 * Mail addresses for chat participants, who have none: the platform id under a {@code .invalid} domain (RFC 2606),
 * so no mail client can ever send to one, with the display name the platform showed.
 */
public final class MailAddresses {
    private MailAddresses() {
    }

    public static InternetAddress of(Participant participant, Platform platform) {
        try {
            return new InternetAddress(address(participant.platformId(), platform), participant.displayName(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("every Java runtime has UTF-8", e);
        }
    }

    public static String address(String platformId, Platform platform) {
        String local = platformId.replaceAll("[^A-Za-z0-9._+-]", "_");
        return (local.isEmpty() ? "unknown" : local) + "@" + platform.wireName().toLowerCase(Locale.ROOT) + ".imarchive.invalid";
    }
}
