package org.imarchive.archive.crypto;

/** Sealed content that does not open: the wrong key, a destroyed key, or bytes altered since they were sealed. */
public class UnreadableContentException extends RuntimeException {

    public UnreadableContentException(String message) {
        super(message);
    }
}
