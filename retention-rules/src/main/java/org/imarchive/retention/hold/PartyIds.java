package org.imarchive.retention.hold;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form participant ids are compared in. Platforms and people write the same phone number several ways
 * ({@code whatsapp:+44 7700 900123}, {@code 447700900123}); a hold that missed a counterparty for a plus sign would be
 * a spoliation, so phone-like ids compare by their digits and other ids (Telegram user ids, names) without case.
 */
public final class PartyIds {

    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9][0-9 ().-]{4,}");

    private PartyIds() {
    }

    public static String comparable(String platformId) {
        String id = platformId.strip();
        if (id.regionMatches(true, 0, "whatsapp:", 0, 9)) {
            id = id.substring(9).strip();
        }
        if (PHONE_LIKE.matcher(id).matches()) {
            return id.replaceAll("[^0-9]", "");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
