package org.imarchive.connectors.chatexport;

/**
 * The upload as a whole cannot be imported (not an export we know, two exports in one zip, no time zone for a
 * WhatsApp file). The message is the reason for the uploader; it names what is wrong, never message content.
 */
public class ImportRejectedException extends RuntimeException {
    public ImportRejectedException(String reason) {
        super(reason);
    }

    public ImportRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
