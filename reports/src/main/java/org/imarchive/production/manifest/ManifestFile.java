package org.imarchive.production.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A file of the production as the manifest lists it.
 *
 * @param kind           {@code pdf}, {@code eml}, {@code native}, {@code rsmf} or {@code loadfile}
 * @param conversationId the conversation the file belongs to; null for natives and load files
 * @param records        the archive records whose content the file shows; empty for natives and load files
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestFile(String path, String sha256, long size, String kind, String conversationId, List<ManifestRecord> records) {
    public ManifestFile {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
