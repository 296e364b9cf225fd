package org.imarchive.archive.pipeline;

import org.imarchive.archive.capture.CapturedPayload;

/**
 * Where a connector hands a payload it has authenticated (port): when {@link #capture} returns, the payload is durable
 * and the platform may be acknowledged.
 */
@FunctionalInterface
public interface Capture {
    /** @return the payload's journal sequence */
    long capture(CapturedPayload payload);
}
