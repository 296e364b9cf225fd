package org.imarchive.archive.pipeline;

import org.imarchive.archive.capture.CaptureRecord;

/**
 * Sees every journal record the committer processes, live or replayed, before it is normalized: for captures that
 * carry state rather than messages (a Telegram business connection, say). Observers must be idempotent, since a
 * replay shows them a record again, and must not throw for a record they do not care about.
 */
@FunctionalInterface
public interface CaptureObserver {
    void observe(CaptureRecord record);
}
