package org.imarchive.archive.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An attachment's content as the platform serves it.
 *
 * @param mediaType      the type the platform declares, or null
 * @param size           the length the platform declares, or -1 when it does not say
 * @param platformSha256 a hash the platform states for the content (Meta's Graph API does), hex or base64, or null
 */
public record FetchedMedia(InputStream content, String mediaType, long size, String platformSha256) implements AutoCloseable {

    public FetchedMedia {
        Objects.requireNonNull(content, "content");
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
