package org.imarchive.production.eml;

import jakarta.activation.DataSource;
import org.imarchive.production.BlobSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** An attachment's bytes for Jakarta Mail, read from the archive when the part is written and not before. */
final class BlobDataSource implements DataSource {
    private final BlobSource blobs;
    private final String sha256;
    private final String mediaType;
    private final String name;

    BlobDataSource(BlobSource blobs, String sha256, String mediaType, String name) {
        this.blobs = blobs;
        this.sha256 = sha256;
        this.mediaType = mediaType;
        this.name = name;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return blobs.open(sha256);
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("archived content is read-only");
    }

    @Override
    public String getContentType() {
        return mediaType;
    }

    @Override
    public String getName() {
        return name;
    }
}
