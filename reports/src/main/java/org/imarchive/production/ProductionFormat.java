package org.imarchive.production;

import java.util.Locale;

/** The files a production can hold besides its manifest and SHA256SUMS, which it always holds. */
public enum ProductionFormat {
    /** One PDF transcript per conversation, Bates-numbered. */
    PDF,
    /** One RFC 5322 message per archived message, attachments as MIME parts. */
    EML,
    /** The load file: {@code loadfile.csv}, and {@code loadfile.dat} in Concordance form. */
    CSV,
    /** Each attachment once, named by its SHA-256 under {@code natives/}. */
    NATIVES,
    /** One Relativity Short Message Format 2.0 file per conversation. */
    RSMF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProductionFormat fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
