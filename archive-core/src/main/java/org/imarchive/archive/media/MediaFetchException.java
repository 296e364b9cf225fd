package org.imarchive.archive.media;

import java.util.Objects;

/**
 * A download that did not succeed, classified so the retrieval knows whether to try again soon, give up, or alert.
 * The reason is safe to log and store: fetchers never put a token or a URL holding one in it.
 */
public final class MediaFetchException extends Exception {

    public enum Failure {
        /** Might work later: a timeout, a 5xx, a 429. */
        RETRYABLE,
        /** Will not work by trying again: the platform no longer has the file (404, 410) or will never serve it. */
        PERMANENT,
        /** The platform refused our credentials (401, 403): retried, but an operator must look. */
        CREDENTIALS
    }

    private final Failure failure;

    public MediaFetchException(Failure failure, String reason) {
        super(reason);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public Failure failure() {
        return failure;
    }

    /** The classification of an HTTP status that was not a success. */
    public static MediaFetchException forStatus(int status, String reason) {
        Failure failure;
        if (status == 401 || status == 403) {
            failure = Failure.CREDENTIALS;
        } else if (status == 408 || status == 429 || status >= 500) {
            failure = Failure.RETRYABLE;
        } else {
            failure = Failure.PERMANENT;
        }
        return new MediaFetchException(failure, reason + " (HTTP " + status + ")");
    }
}
