package org.imarchive.connectors.chatexport;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text clean-up shared by the parsers: what the exports add for display and is no part of a name. */
final class ExportText {
    /**
     * Direction marks and embeddings/isolates: WhatsApp wraps unsaved numbers in U+202A..U+202C, starts iOS system
     * and media lines with U+200E, and RTL locales add U+200F; they change how a name renders, not what it is.
     */
    static final String BIDI_CLASS = "[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]";
    private static final Pattern BIDI = Pattern.compile(BIDI_CLASS);
    private static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 \\u00A0().\\-]{5,}");

    private ExportText() {
    }

    /** A name as the export shows it, without direction marks, NFC, trimmed. */
    static String cleanName(String name) {
        String stripped = BIDI.matcher(name).replaceAll("");
        return Normalizer.normalize(stripped, Normalizer.Form.NFC).strip();
    }

    /** How names are compared with the custodian's own names: case does not make another person. */
    static String nameKey(String name) {
        return cleanName(name).toLowerCase(Locale.ROOT);
    }

    /** E.164 form of a phone number shown as an author ({@code +1 415-555-0134}), or null if it is not one. */
    static String e164(String cleanedName) {
        if (!PHONE.matcher(cleanedName).matches()) {
            return null;
        }
        return "+" + cleanedName.replaceAll("[^0-9]", "");
    }
}
