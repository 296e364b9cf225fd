package org.imarchive.connectors.platformapi;

/**
 * A platform refused a call, or could not be reached after every retry. The reason is the platform's own (its error
 * message and code), never the request: requests carry message text and credentials.
 *
 * @see #status() 0 when no answer came at all
 */
public class PlatformRefusedException extends RuntimeException {
    private final String platform;
    private final int status;
    private final String errorCode;

    public PlatformRefusedException(String platform, int status, String errorCode, String reason) {
        super(platform + " refused (" + (status == 0 ? "no answer" : "HTTP " + status)
                + (errorCode == null ? "" : ", code " + errorCode) + "): " + reason, null, false, false);
        this.platform = platform;
        this.status = status;
        this.errorCode = errorCode;
    }

    public static PlatformRefusedException unreachable(String platform, String reason) {
        return new PlatformRefusedException(platform, 0, null, reason);
    }

    public String platform() {
        return platform;
    }

    /** The HTTP status the platform answered with; 0 when it was not reached. */
    public int status() {
        return status;
    }

    /** The platform's own error code (Twilio 21211, Graph 131030, Telegram 409), when it gave one. */
    public String errorCode() {
        return errorCode;
    }
}
