package org.imarchive.archive.pipeline;

/** A payload the platform's format does not allow; the reason names what is wrong, never the payload's content. */
public class MalformedPayloadException extends RuntimeException {
    public MalformedPayloadException(String reason) {
        super(reason);
    }

    public MalformedPayloadException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
