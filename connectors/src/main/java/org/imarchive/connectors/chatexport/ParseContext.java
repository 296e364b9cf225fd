package org.imarchive.connectors.chatexport;

import java.util.Objects;

/** What a parser needs besides the export itself: the request, the hash of the uploaded file, its media. */
public record ParseContext(ImportRequest request, String sourceFileSha256, MediaResolver media) {
    public ParseContext {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sourceFileSha256, "sourceFileSha256");
        media = media == null ? MediaResolver.NONE : media;
    }
}
