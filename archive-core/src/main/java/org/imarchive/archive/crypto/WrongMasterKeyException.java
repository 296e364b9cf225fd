package org.imarchive.archive.crypto;

/** The configured master key is not the one this archive's data keys were wrapped with; nothing can be read. */
public final class WrongMasterKeyException extends UnreadableContentException {

    public WrongMasterKeyException(String message) {
        super(message);
    }
}
