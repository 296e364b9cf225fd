package org.imarchive.archive.store;

import java.io.InputStream;
import java.util.Optional;

/** Content-addressed storage of media and other large files (port): a blob's name is its SHA-256. */
public interface BlobStore {

    /** Stores the content once and returns its SHA-256; storing the same content again writes nothing. */
    String put(InputStream content);

    Optional<InputStream> open(String sha256);

    boolean exists(String sha256);

    /** Recomputes the stored content's hash; false when it is missing or no longer matches its name. */
    boolean verify(String sha256);

    /**
     * Removes the blob's content for disposition, irreversibly: a sealed blob's key is destroyed (inside the caller's
     * transaction, so it commits with the disposal) and its file deleted. Only disposition calls this.
     */
    void destroy(java.sql.Connection connection, String sha256) throws java.sql.SQLException;
}
