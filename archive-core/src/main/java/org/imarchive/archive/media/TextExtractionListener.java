package org.imarchive.archive.media;

/** What text extraction reports, for metrics; the default does nothing. */
public interface TextExtractionListener {

    default void extracted(String sha256, ExtractedText outcome) {
    }

    TextExtractionListener NONE = new TextExtractionListener() {
    };
}
