package org.imarchive.connectors.chatexport;

import java.util.List;

/**
 * Everything an import tells besides the records themselves (which went to the caller's sink).
 *
 * @param sourceFileSha256 SHA-256 of the uploaded file as received (the zip, if zipped); every record's provenance names it
 * @param media            the upload's files that imported attachments refer to, in the order first referred to
 */
public record ImportSummary(
        ExportFormat format,
        String sourceFileSha256,
        ImportCounts counts,
        List<ImportedMedia> media,
        List<SetAside> setAside,
        List<String> warnings) {

    public ImportSummary {
        media = List.copyOf(media);
        setAside = List.copyOf(setAside);
        warnings = List.copyOf(warnings);
    }
}
