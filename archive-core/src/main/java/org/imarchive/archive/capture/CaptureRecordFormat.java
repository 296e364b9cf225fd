package org.imarchive.archive.capture;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The byte layout of one record of a capture journal segment (format 1), described in
 * {@code docs/adr/0002-capture-journal-format.md}. All integers are big-endian, all strings UTF-8.
 *
 * <pre>
 * record  = marker:u32 (0x89 'I' 'M' 'J')  bodyLength:u32  crc32c(body):u32  body
 * body    = sequence:i64  epochSecond:i64  nano:i32
 *           sourceLength:i32 source
 *           headerCount:i32 (keyLength:i32 key valueLength:i32 value)*
 *           payloadLength:i32 payload
 * </pre>
 *
 * The marker and the length are outside the checksum: a damaged length shows up as a CRC mismatch (or a record that
 * runs past the end of the file), a damaged marker as garbage.
 */
public final class CaptureRecordFormat {

    /** The first four bytes of every record: 0x89 'I' 'M' 'J'. The high bit keeps it out of ASCII text. */
    public static final int MARKER = 0x89494D4A;
    /** marker + body length + CRC32C. */
    public static final int HEADER_LENGTH = 12;
    /** A body with an empty source, no headers and an empty payload. */
    public static final int MIN_BODY_LENGTH = 8 + 8 + 4 + 4 + 4 + 4;
    public static final int MIN_RECORD_LENGTH = HEADER_LENGTH + MIN_BODY_LENGTH;
    /** The largest body the journal writes (64 MiB): webhook payloads are small, media is fetched later. */
    public static final int MAX_BODY_LENGTH = 64 * 1024 * 1024;

    private CaptureRecordFormat() {
    }

    /** The complete record bytes for a payload with its sequence. */
    public static byte[] encode(long sequence, CapturedPayload payload) {
        byte[] record = encodeUnsealed(payload);
        seal(record, sequence);
        return record;
    }

    /**
     * The record bytes with sequence and CRC still zero, so that the (expensive) encoding happens on the caller's
     * thread and only {@link #seal} on the journal's single writer.
     */
    static byte[] encodeUnsealed(CapturedPayload payload) {
        byte[] source = utf8(payload.source(), "the source");
        byte[][] headers = new byte[payload.headers().size() * 2][];
        long bodyLength = (long) MIN_BODY_LENGTH + source.length + payload.body().length;
        int i = 0;
        for (Map.Entry<String, String> header : payload.headers().entrySet()) {
            if (header.getValue() == null) {
                throw new JournalException("header " + header.getKey() + " has no value");
            }
            headers[i] = utf8(header.getKey(), "a header name");
            headers[i + 1] = utf8(header.getValue(), "header " + header.getKey());
            bodyLength += 8L + headers[i].length + headers[i + 1].length;
            i += 2;
        }
        if (bodyLength > MAX_BODY_LENGTH) {
            throw new JournalException("a payload of " + payload.body().length + " bytes makes a record of " + bodyLength
                    + " bytes, more than the journal's limit of " + MAX_BODY_LENGTH);
        }
        byte[] record = new byte[HEADER_LENGTH + (int) bodyLength];
        ByteBuffer out = ByteBuffer.wrap(record);
        out.putInt(MARKER).putInt((int) bodyLength).putInt(0);
        out.putLong(0L).putLong(payload.receivedAt().getEpochSecond()).putInt(payload.receivedAt().getNano());
        out.putInt(source.length).put(source);
        out.putInt(payload.headers().size());
        for (byte[] string : headers) {
            out.putInt(string.length).put(string);
        }
        out.putInt(payload.body().length).put(payload.body());
        if (out.hasRemaining()) {
            throw new IllegalStateException("record length miscomputed");
        }
        return record;
    }

    /** Writes the sequence into an encoded record and the CRC32C of its body into its header. */
    static void seal(byte[] record, long sequence) {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        buffer.putLong(HEADER_LENGTH, sequence);
        buffer.putInt(8, crc32c(record, HEADER_LENGTH, record.length - HEADER_LENGTH));
    }

    public static int crc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /**
     * Walks the structure of a body without building strings: the sequence when every length fits exactly, -1 when it
     * does not (garbage that happened to pass the CRC, or a record of a format we do not know).
     */
    static long checkStructure(byte[] bytes, int offset, int length) {
        if (length < MIN_BODY_LENGTH) {
            return -1;
        }
        int end = offset + length;
        long sequence = getLong(bytes, offset);
        int nano = getInt(bytes, offset + 16);
        if (sequence < 1 || nano < 0 || nano > 999_999_999) {
            return -1;
        }
        int at = offset + 20;
        at = skipString(bytes, at, end);
        if (at < 0 || end - at < 4) {
            return -1;
        }
        int headerCount = getInt(bytes, at);
        at += 4;
        if (headerCount < 0 || headerCount > length / 8) {
            return -1;
        }
        for (int i = 0; i < headerCount * 2 && at >= 0; i++) {
            at = skipString(bytes, at, end);
        }
        if (at < 0) {
            return -1;
        }
        at = skipString(bytes, at, end);
        return at == end ? sequence : -1;
    }

    /** Decodes a body whose CRC has been checked. */
    public static CaptureRecord decodeBody(byte[] bytes, int offset, int length) {
        if (checkStructure(bytes, offset, length) < 0) {
            throw new JournalException("record body is malformed");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        long sequence = in.getLong();
        Instant receivedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
        String source = readString(in);
        int headerCount = in.getInt();
        TreeMap<String, String> headers = new TreeMap<>();
        for (int i = 0; i < headerCount; i++) {
            headers.put(readString(in), readString(in));
        }
        byte[] body = new byte[in.getInt()];
        in.get(body);
        return new CaptureRecord(sequence, new CapturedPayload(source, receivedAt, headers, body));
    }

    static int getInt(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    static long getLong(byte[] b, int i) {
        return ((long) getInt(b, i) << 32) | (getInt(b, i + 4) & 0xffffffffL);
    }

    private static int skipString(byte[] bytes, int at, int end) {
        if (end - at < 4) {
            return -1;
        }
        int length = getInt(bytes, at);
        if (length < 0 || length > end - at - 4) {
            return -1;
        }
        return at + 4 + length;
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        ByteBuffer slice = in.slice();
        slice.limit(length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new JournalException("record holds a string that is not UTF-8", e);
        }
    }

    /**
     * Strict: a string that cannot be encoded as is (a lone surrogate, which {@link String#getBytes} would silently
     * turn into '?') is refused, never altered. Only surrogates can make UTF-8 encoding lossy, so only they are checked.
     */
    private static byte[] utf8(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw new JournalException(what + " is not valid Unicode (a lone surrogate at index " + i
                            + ") and cannot be kept verbatim");
                }
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
