package org.imarchive.archive.media;

import org.imarchive.archive.model.Channel;

import java.time.Instant;

/** What the media retrieval reports, for metrics and alerts; every method has a do-nothing default. */
public interface MediaRetrievalListener {

    default void queued(Channel channel, String messageId) {
    }

    default void retrieved(Channel channel, String messageId, long size) {
    }

    /** A failed attempt that will be repeated at {@code nextAttempt}. */
    default void retryScheduled(Channel channel, String messageId, int attempts, Instant nextAttempt, String reason) {
    }

    /** The attachment is given up on for now (permanent failure or attempts exhausted); it is retried rarely. */
    default void failed(Channel channel, String messageId, int attempts, String reason) {
    }

    /** The platform refused our credentials: nothing of that channel will download until an operator fixes them. */
    default void credentialsRejected(Channel channel, String reason) {
    }

    /** The content did not match the hash the platform stated for it; it was not stored. */
    default void hashMismatch(Channel channel, String messageId) {
    }

    MediaRetrievalListener NONE = new MediaRetrievalListener() {
    };
}
