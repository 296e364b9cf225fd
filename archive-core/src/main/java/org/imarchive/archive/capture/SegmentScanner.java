package org.imarchive.archive.capture;

import static org.imarchive.archive.capture.CaptureRecordFormat.HEADER_LENGTH;
import static org.imarchive.archive.capture.CaptureRecordFormat.MARKER;
import static org.imarchive.archive.capture.CaptureRecordFormat.MAX_BODY_LENGTH;
import static org.imarchive.archive.capture.CaptureRecordFormat.MIN_BODY_LENGTH;
import static org.imarchive.archive.capture.CaptureRecordFormat.getInt;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the records of one segment through a window of the file (never the whole segment), checks each record's
 * marker, length, CRC32C and structure, and finds the next sound record after damage. Not thread-safe; one per
 * reading.
 */
final class SegmentScanner {

    enum Probe {
        /** a whole record whose CRC and structure check */
        VALID,
        /** fewer bytes than a header, or a plausible header whose record runs past the end of the file */
        RUNS_PAST_END,
        /** anything else: no marker, an impossible length, a CRC mismatch, a malformed body */
        INVALID
    }

    private static final int WINDOW = 1 << 20;
    private static final byte[] MARKER_BYTES = ByteBuffer.allocate(4).putInt(MARKER).array();

    private final FileChannel channel;
    private long limit;
    private byte[] window = new byte[WINDOW];
    private long windowStart;
    private int windowLength;

    // the last VALID probe
    private int recordLength;
    private long sequence;
    private int bodyIndex;

    SegmentScanner(FileChannel channel, long limit) {
        this.channel = channel;
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** What lies at {@code position}. After VALID, {@link #recordLength()} and {@link #sequence()} describe it. */
    Probe probe(long position) throws IOException {
        if (limit - position < HEADER_LENGTH) {
            return Probe.RUNS_PAST_END;
        }
        int at = load(position, HEADER_LENGTH);
        int marker = getInt(window, at);
        int bodyLength = getInt(window, at + 4);
        int crc = getInt(window, at + 8);
        if (marker != MARKER || bodyLength < MIN_BODY_LENGTH || bodyLength > MAX_BODY_LENGTH) {
            return Probe.INVALID;
        }
        if (position + HEADER_LENGTH + bodyLength > limit) {
            return Probe.RUNS_PAST_END;
        }
        at = load(position, HEADER_LENGTH + bodyLength);
        if (CaptureRecordFormat.crc32c(window, at + HEADER_LENGTH, bodyLength) != crc) {
            return Probe.INVALID;
        }
        long found = CaptureRecordFormat.checkStructure(window, at + HEADER_LENGTH, bodyLength);
        if (found < 0) {
            return Probe.INVALID;
        }
        recordLength = HEADER_LENGTH + bodyLength;
        sequence = found;
        bodyIndex = at + HEADER_LENGTH;
        return Probe.VALID;
    }

    int recordLength() {
        return recordLength;
    }

    long sequence() {
        return sequence;
    }

    /** The record of the last VALID probe. */
    CaptureRecord decode() {
        return CaptureRecordFormat.decodeBody(window, bodyIndex, recordLength - HEADER_LENGTH);
    }

    /**
     * Re-synchronises after damage: the position of the first marker at or after {@code from} that starts a VALID
     * record that {@code acceptable} admits, or -1.
     */
    long findNextValid(long from, Acceptable acceptable) throws IOException {
        long position = from;
        while (limit - position >= HEADER_LENGTH) {
            int available = (int) Math.min(WINDOW, limit - position);
            int at = load(position, available);
            int found = indexOfMarker(window, at, available);
            if (found < 0) {
                position += available - (MARKER_BYTES.length - 1);
                continue;
            }
            long candidate = position + found;
            if (probe(candidate) == Probe.VALID && acceptable.test(candidate, sequence)) {
                return candidate;
            }
            position = candidate + 1;
        }
        return -1;
    }

    /** Whether a sound record found at a position, while re-synchronising, may be trusted. */
    interface Acceptable {
        boolean test(long position, long sequence);
    }

    private static int indexOfMarker(byte[] bytes, int from, int length) {
        for (int i = 0; i + MARKER_BYTES.length <= length; i++) {
            int at = from + i;
            if (bytes[at] == MARKER_BYTES[0] && bytes[at + 1] == MARKER_BYTES[1]
                    && bytes[at + 2] == MARKER_BYTES[2] && bytes[at + 3] == MARKER_BYTES[3]) {
                return i;
            }
        }
        return -1;
    }

    /** Makes bytes [position, position + length) of the file available; returns where they start in the window. */
    private int load(long position, int length) throws IOException {
        if (position >= windowStart && position + length <= windowStart + windowLength) {
            return (int) (position - windowStart);
        }
        if (window.length < length) {
            window = new byte[length];
        }
        int wanted = (int) Math.min(window.length, limit - position);
        ByteBuffer into = ByteBuffer.wrap(window, 0, wanted);
        while (into.hasRemaining()) {
            if (channel.read(into, position + into.position()) < 0) {
                throw new EOFException("segment ended at " + (position + into.position()) + ", expected " + limit + " bytes");
            }
        }
        windowStart = position;
        windowLength = wanted;
        return 0;
    }
}
