package org.imarchive.production.eml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 2047 encoded words for header values that are not plain ASCII. Written here rather than taken from Jakarta
 * Mail's {@code MimeUtility}, which looks its stream provider up through the ServiceLoader on every call: that lookup
 * was most of the time spent writing an EML.
 */
public final class HeaderText {
    /** UTF-8 bytes per encoded word: 45 bytes make 60 base64 characters, within the 75 an encoded word may have. */
    private static final int BYTES_PER_WORD = 45;

    private HeaderText() {
    }

    public static String encode(String value) {
        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return value;
        }
        StringBuilder encoded = new StringBuilder();
        int start = 0;
        while (start < value.length()) {
            int end = start;
            int bytes = 0;
            while (end < value.length()) {
                int codePoint = value.codePointAt(end);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > BYTES_PER_WORD && end > start) {
                    break;
                }
                bytes += size;
                end += Character.charCount(codePoint);
            }
            if (encoded.length() > 0) {
                encoded.append("\r\n ");
            }
            encoded.append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(value.substring(start, end).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            start = end;
        }
        return encoded.toString();
    }

    /** {@code "Display Name" <address>} with the name encoded where it needs to be. */
    public static String mailbox(String displayName, String address) {
        if (displayName == null || displayName.isBlank()) {
            return "<" + address + ">";
        }
        String name = encode(displayName);
        if (name.equals(displayName)) {
            name = '"' + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return name + " <" + address + ">";
    }
}
