package org.imarchive.connectors.chatexport;

import java.io.IOException;
import java.io.InputStream;

/**
 * A media file of the upload that an imported attachment refers to. Its records already say it is stored under
 * {@code sha256}: the caller must put the content into the blob store before it commits those records.
 *
 * @param path where it was in the upload (the zip entry name)
 */
public record ImportedMedia(String path, String sha256, long size, Content content) {

    /** Opens the file's bytes; may be called more than once. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return content.open();
    }
}
