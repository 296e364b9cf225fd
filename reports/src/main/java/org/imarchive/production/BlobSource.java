package org.imarchive.production;

import java.io.IOException;
import java.io.InputStream;

/** Where a production reads attachment content from: the archive's blob store, by SHA-256. */
@FunctionalInterface
public interface BlobSource {

    /** Opens the stored bytes named by {@code sha256}; the caller closes the stream. */
    InputStream open(String sha256) throws IOException;
}
