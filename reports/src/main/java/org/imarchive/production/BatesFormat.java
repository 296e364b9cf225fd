package org.imarchive.production;

import java.util.Objects;

/**
 * How pages are numbered: a prefix and a zero-padded counter that runs on across every PDF of a production,
 * so a page is cited by one number in any filing ({@code ACME000123}).
 */
public record BatesFormat(String prefix, long start, int digits) {
    public BatesFormat {
        Objects.requireNonNull(prefix, "prefix");
        if (start < 0) {
            throw new IllegalArgumentException("Bates numbers start at 0 or above, not " + start);
        }
        if (digits < 1 || digits > 18) {
            throw new IllegalArgumentException("Bates digits must be 1..18, not " + digits);
        }
        if (!prefix.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '\\')) {
            throw new IllegalArgumentException("a Bates prefix is printable ASCII without spaces or slashes: '" + prefix + "'");
        }
    }

    public String format(long number) {
        String digitsText = Long.toString(number);
        if (digitsText.length() > digits) {
            throw new IllegalStateException("Bates number " + number + " does not fit in " + digits + " digits");
        }
        return prefix + "0".repeat(digits - digitsText.length()) + digitsText;
    }
}
