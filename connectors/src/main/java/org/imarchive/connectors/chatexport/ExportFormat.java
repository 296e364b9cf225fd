package org.imarchive.connectors.chatexport;

/** The kinds of export the importer reads. */
public enum ExportFormat {
    /** WhatsApp "Export chat": a .txt, alone or zipped with its media. */
    WHATSAPP_TXT,
    /** Telegram Desktop "Export chat history" / "Export Telegram data" in JSON: result.json, alone or zipped. */
    TELEGRAM_DESKTOP_JSON
}
