package org.imarchive.connectors.chatexport;

import java.util.Optional;

/**
 * Finds the file a message refers to (a WhatsApp file name, a Telegram path such as {@code files/a.pdf}) among the
 * files uploaded with the export. An attachment whose file is found is recorded as stored with its hash; one that is
 * not is recorded as not included.
 */
@FunctionalInterface
public interface MediaResolver {

    /** For a bare .txt or .json upload: no media came with it. */
    MediaResolver NONE = reference -> Optional.empty();

    Optional<ResolvedMedia> resolve(String reference);
}
