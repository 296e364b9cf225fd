package org.imarchive.connectors.platformapi;

/** A platform's answer as received: the HTTP status and the body's bytes, unread. */
public record PlatformResponse(int status, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** 429 (rate limited) and 5xx: the platform may accept the same call later. */
    public boolean isTransient() {
        return status == 429 || status >= 500;
    }
}
