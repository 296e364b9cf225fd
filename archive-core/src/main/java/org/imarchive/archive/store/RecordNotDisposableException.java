package org.imarchive.archive.store;

/** A request to remove a record that is still under retention, already gone, or has no retention on record. */
public final class RecordNotDisposableException extends RuntimeException {

    public RecordNotDisposableException(String message) {
        super(message);
    }
}
