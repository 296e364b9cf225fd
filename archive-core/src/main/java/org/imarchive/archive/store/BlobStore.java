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
     * Makes the blob's content unreadable for disposition, inside the caller's transaction so it commits (or rolls
     * back) with the disposal: a sealed blob's key is destroyed. The file stays until {@link #deleteFile}, which the
     * disposal calls only after its commit. Only disposition calls this.
     */
    void destroyKey(java.sql.Connection connection, String sha256) throws java.sql.SQLException;

    /** Deletes a disposed blob's file, once its disposal committed; a file already gone is no error. */
    void deleteFile(String sha256);
}
