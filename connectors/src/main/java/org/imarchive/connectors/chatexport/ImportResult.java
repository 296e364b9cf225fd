package org.imarchive.connectors.chatexport;

import org.imarchive.archive.model.ArchivedMessage;

import java.util.List;

/** An import collected in memory: for uploads small enough to hold; large ones go through a sink instead. */
public record ImportResult(ImportSummary summary, List<ArchivedMessage> records) {
    public ImportResult {
        records = List.copyOf(records);
    }
}
