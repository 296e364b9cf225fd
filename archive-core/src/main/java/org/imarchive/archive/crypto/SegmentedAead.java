package org.imarchive.archive.crypto;

import javax.crypto.Cipher;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * AES-256-GCM over a stream in 64 KiB segments, so a blob of any size is sealed and opened in constant memory (one
 * GCM over a whole file would have to be held in memory to be checked). Layout: {@code version | nonce prefix (8)},
 * then per segment {@code last flag (1) | length (4) | ciphertext+tag}. Each segment's nonce is the prefix and its
 * number; its number and last flag are authenticated, so segments cannot be reordered, dropped or the stream cut short.
 */
public final class SegmentedAead {
    private static final byte VERSION = 2;
    private static final int SEGMENT = 64 * 1024;
    private static final int PREFIX = 8;

    private SegmentedAead() {
    }

    public static OutputStream sealing(OutputStream out, byte[] key) throws IOException {
        byte[] prefix = new byte[PREFIX];
        System.arraycopy(Aead.newNonce(), 0, prefix, 0, PREFIX);
        out.write(VERSION);
        out.write(prefix);
        return new FilterOutputStream(out) {
            private final byte[] buffer = new byte[SEGMENT];
            private int filled;
            private int counter;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    if (filled == SEGMENT) {
                        flushSegment(false);
                    }
                    int n = Math.min(length, SEGMENT - filled);
                    System.arraycopy(bytes, offset, buffer, filled, n);
                    filled += n;
                    offset += n;
                    length -= n;
                }
            }

            private void flushSegment(boolean last) throws IOException {
                byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, prefix, counter++, last, buffer, filled);
                out.write(last ? 1 : 0);
                out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
                out.write(sealed);
                filled = 0;
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    flushSegment(true);
                    out.close();
                }
            }
        };
    }

    /** Reading fails with an {@link IOException} caused by {@link UnreadableContentException} when the content was altered. */
    public static InputStream opening(InputStream in, byte[] key) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int version = data.read();
        if (version != VERSION) {
            throw new IOException(new UnreadableContentException("not sealed content (unknown format " + version + ")"));
        }
        byte[] prefix = data.readNBytes(PREFIX);
        if (prefix.length != PREFIX) {
            throw new IOException(new UnreadableContentException("sealed content cut short"));
        }
        return new InputStream() {
            private byte[] plain = new byte[0];
            private int position;
            private int counter;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                while (position == plain.length) {
                    if (ended) {
                        return -1;
                    }
                    nextSegment();
                }
                int n = Math.min(length, plain.length - position);
                System.arraycopy(plain, position, bytes, offset, n);
                position += n;
                return n;
            }

            private void nextSegment() throws IOException {
                try {
                    int flag = data.readUnsignedByte();
                    int length = data.readInt();
                    if (flag > 1 || length < 16 || length > SEGMENT + 16) {
                        throw new IOException(new UnreadableContentException("sealed content is malformed"));
                    }
                    byte[] sealed = data.readNBytes(length);
                    if (sealed.length != length) {
                        throw new EOFException();
                    }
                    ended = flag == 1;
                    plain = crypt(Cipher.DECRYPT_MODE, key, prefix, counter++, ended, sealed, sealed.length);
                    position = 0;
                    if (ended && data.read() != -1) {
                        throw new IOException(new UnreadableContentException("bytes after the last sealed segment"));
                    }
                } catch (EOFException e) {
                    throw new IOException(new UnreadableContentException("sealed content cut short"));
                }
            }

            @Override
            public void close() throws IOException {
                data.close();
            }
        };
    }

    private static byte[] crypt(int mode, byte[] key, byte[] prefix, int counter, boolean last, byte[] input, int length) throws IOException {
        byte[] nonce = ByteBuffer.allocate(Aead.NONCE_BYTES).put(prefix).putInt(counter).array();
        try {
            Cipher cipher = Aead.cipher(mode, key, nonce);
            cipher.updateAAD(ByteBuffer.allocate(5).putInt(counter).put((byte) (last ? 1 : 0)).array());
            return cipher.doFinal(input, 0, length);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IOException(new UnreadableContentException("authentication failed: wrong key, or content altered"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
