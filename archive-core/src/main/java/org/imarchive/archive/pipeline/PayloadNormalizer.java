package org.imarchive.archive.pipeline;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.model.ArchiveRecord;

import java.util.List;

/**
 * Turns one captured payload into canonical records (port). Implementations are pure functions of the record,
 * so the same journal record always gives the same records, which is what makes replay safe.
 */
public interface PayloadNormalizer {

    /** The journal sources (route ids) this normalizer reads. */
    java.util.Set<String> sources();

    /**
     * @return the records the payload holds; empty when it holds nothing to archive (a verification ping)
     * @throws MalformedPayloadException when the payload cannot be read; the capture stays in the journal
     */
    List<ArchiveRecord> normalize(CaptureRecord record);
}
