package org.imarchive.production.eml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Writes a multipart/mixed RFC 5322 message straight to a stream: headers, a quoted-printable UTF-8 text part and
 * base64 parts streamed from their source. Ours rather than Jakarta Mail's, which looks up a stream provider through
 * the ServiceLoader for every part it builds and writes: that was most of the time spent on EML. Jakarta Mail still
 * reads what this writes in the tests, as an independent parser.
 */
public final class MimeWriter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int QP_LINE = 76;

    private final OutputStream out;
    private final String boundary;

    /** @param boundary unique to the message; derived from its id, so the same message gives the same bytes */
    public MimeWriter(OutputStream out, String boundary) {
        this.out = out;
        this.boundary = boundary;
    }

    public static String date(Instant time) {
        return DATE.format(time);
    }

    /** A header whose value is ASCII already (see {@link HeaderText}). */
    public MimeWriter header(String name, String value) throws IOException {
        ascii(name + ": " + value.replace("\r", "").replace("\n", "\r\n "));
        out.write(CRLF);
        return this;
    }

    /** Ends the message headers and opens the multipart body. */
    public void startBody() throws IOException {
        header("MIME-Version", "1.0");
        header("Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
        out.write(CRLF);
        ascii("This is a multi-part message in MIME format.\r\n");
    }

    public void textPart(String text) throws IOException {
        ascii("\r\n--" + boundary + "\r\n");
        ascii("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        quotedPrintable(text);
    }

    /** A base64 attachment part; {@code extraHeaders} are complete header lines without line ends. */
    public void attachmentPart(String mediaType, String fileName, InputStream content, String... extraHeaders) throws IOException {
        ascii("\r\n--" + boundary + "\r\n");
        ascii("Content-Type: " + mediaType + "\r\n");
        ascii("Content-Disposition: attachment; filename=\"" + HeaderText.encode(fileName).replace("\"", "'") + "\"\r\n");
        for (String header : extraHeaders) {
            ascii(header + "\r\n");
        }
        ascii("Content-Transfer-Encoding: base64\r\n\r\n");
        OutputStream base64 = Base64.getMimeEncoder(QP_LINE, CRLF).wrap(new KeepOpen(out));
        content.transferTo(base64);
        base64.close();
    }

    public void end() throws IOException {
        ascii("\r\n--" + boundary + "--\r\n");
        out.flush();
    }

    private void quotedPrintable(String text) throws IOException {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder line = new StringBuilder();
        String[] lines = normalized.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            byte[] bytes = lines[l].getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                boolean last = i == bytes.length - 1;
                String encoded = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)
                        ? String.valueOf((char) b) : String.format("=%02X", b);
                if (line.length() + encoded.length() > QP_LINE - 1) {
                    ascii(line.append("=\r\n").toString());
                    line.setLength(0);
                }
                line.append(encoded);
            }
            ascii(line.toString());
            line.setLength(0);
            if (l < lines.length - 1) {
                out.write(CRLF);
            }
        }
    }

    private void ascii(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The base64 encoder closes what it wraps; the message goes on after the part. */
    private static final class KeepOpen extends java.io.FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
