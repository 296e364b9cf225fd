package org.imarchive.archive.capture;

/** The journal could not make a payload durable or read it back; the platform must not be acknowledged. */
public class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalException(String message) {
        super(message);
    }
}
