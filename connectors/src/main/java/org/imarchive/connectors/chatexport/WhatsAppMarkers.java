package org.imarchive.connectors.chatexport;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words WhatsApp writes in place of media, deletions and edits. English and German are documented
 * (shared/fixtures/FORMATS.md 4a); the Spanish and French ones are inferred and recorded as such in ADR 0004.
 * A marker that is not in these lists is imported as the text it is, which loses nothing.
 */
final class WhatsAppMarkers {

    /** Android, media not exported: the whole message text. */
    static final Set<String> MEDIA_OMITTED = Set.of(
            "<Media omitted>", "<Medien ausgeschlossen>", "<Multimedia omitido>", "<Médias omis>");

    /** Android, media exported with the chat: {@code IMG-20231231-WA0003.jpg (file attached)}, caption on the next line. */
    static final Pattern FILE_ATTACHED = Pattern.compile(
            "^(?<name>.+?) \\((?:file attached|Datei angehängt|archivo adjunto|fichier joint)\\)$");

    /** iOS, media exported with the chat: {@code <attached: 00000012-PHOTO-....jpg>}, a document title before it. */
    static final Pattern ATTACHED = Pattern.compile(
            "^(?<label>.*?)<(?:attached|Anhang|adjunto|pièce jointe): (?<name>[^<>]+)>$");

    /** iOS, media not exported: {@code image omitted}, {@code Bild weggelassen}. */
    static final Pattern IOS_OMITTED = Pattern.compile(
            "^(?<kind>image|video|audio|sticker|GIF|document|Contact card|Bild|Video|Audio|Sticker|Dokument|Kontaktkarte)"
                    + " (?:omitted|weggelassen)$");

    /** The suffix an edited message carries; the text before it is the edited text. */
    static final Pattern EDITED_SUFFIX = Pattern.compile(
            "[ \\u00A0\\u200E]*<(?:This message was edited|Diese Nachricht wurde bearbeitet\\.?|Se editó este mensaje\\.?"
                    + "|Ce message a été modifié)>$");

    /** A shared location pin: Android writes it as a Maps link. */
    static final Pattern LOCATION = Pattern.compile(
            "^(?:location|Standort|ubicación|position): https://maps\\.google\\.com/\\?q=(?<lat>-?\\d{1,3}(?:\\.\\d+)?),(?<lon>-?\\d{1,3}(?:\\.\\d+)?)$");

    /** A view-once photo or video: the export has only this word. */
    static final String VIEW_ONCE = "null";

    /** Deleted by someone else (compared without case and trailing full stop). */
    private static final Set<String> DELETED_BY_OTHER = Set.of(
            "this message was deleted", "diese nachricht wurde gelöscht", "se eliminó este mensaje", "ce message a été supprimé");

    /** Deleted by the phone's owner: the author of such a line is the custodian. */
    private static final Set<String> DELETED_BY_SELF = Set.of(
            "you deleted this message", "du hast diese nachricht gelöscht", "eliminaste este mensaje", "vous avez supprimé ce message");

    private WhatsAppMarkers() {
    }

    static boolean deletedByOther(String text) {
        return DELETED_BY_OTHER.contains(comparable(text));
    }

    static boolean deletedBySelf(String text) {
        return DELETED_BY_SELF.contains(comparable(text));
    }

    private static String comparable(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
