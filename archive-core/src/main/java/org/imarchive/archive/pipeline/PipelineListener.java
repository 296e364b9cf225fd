package org.imarchive.archive.pipeline;

import org.imarchive.archive.model.AccountRef;

/** What the pipeline reports as it goes, for metrics and alerts; every method has a do-nothing default. */
public interface PipelineListener {
    default void committed(int records, int duplicates) {
    }

    default void malformed(String source, long journalSequence, String reason) {
    }

    default void quarantined(AccountRef account, String messageId) {
    }

    default void listenerFailed(String listener, RuntimeException failure) {
    }

    PipelineListener NONE = new PipelineListener() {
    };
}
