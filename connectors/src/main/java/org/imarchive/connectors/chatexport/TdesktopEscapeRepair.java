package org.imarchive.connectors.chatexport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Telegram Desktop writes control characters other than \n, \r and \t as {@code \xNN} inside JSON strings, which
 * JSON does not allow (tdesktop SerializeString). This stream rewrites each to the JSON escape
 * <code>&#92;u00NN</code> on the fly, so such an export still parses and the character is kept. It tracks strings
 * and escapes byte by byte: UTF-8 continuation bytes are never a quote or a backslash, and an escaped backslash
 * followed by x ({@code \\x41}) is left alone.
 */
final class TdesktopEscapeRepair extends InputStream {
    private final InputStream in;
    private boolean inString;
    private boolean escaped;
    /** The "00" still to emit after the x of a <code>\x</code> escape was replaced by u. */
    private int pendingZeros;

    TdesktopEscapeRepair(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    @Override
    public int read() throws IOException {
        if (pendingZeros > 0) {
            pendingZeros--;
            return '0';
        }
        int b = in.read();
        if (b < 0) {
            return b;
        }
        if (!inString) {
            inString = b == '"';
        } else if (escaped) {
            escaped = false;
            if (b == 'x') {
                pendingZeros = 2;
                return 'u';
            }
        } else if (b == '\\') {
            escaped = true;
        } else if (b == '"') {
            inString = false;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n < length) {
            int b = read();
            if (b < 0) {
                return n == 0 ? -1 : n;
            }
            buffer[offset + n++] = (byte) b;
            if (pendingZeros == 0 && in.available() == 0) {
                break;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
