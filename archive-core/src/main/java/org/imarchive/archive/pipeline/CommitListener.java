package org.imarchive.archive.pipeline;

import java.util.List;

/**
 * Told of each batch of newly committed records, after the commit. A listener's failure never undoes or blocks a
 * commit: what it derives (an index, a review item) must be rebuildable from the archive.
 */
@FunctionalInterface
public interface CommitListener {
    void committed(List<CommittedRecord> records);
}
