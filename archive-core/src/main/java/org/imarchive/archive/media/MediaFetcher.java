package org.imarchive.archive.media;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;

import java.util.Set;

/**
 * Downloads an attachment's content from the platform that announced it (port). Platforms send a reference with the
 * message (Twilio's MediaUrl, Meta's media id, Telegram's file_id) and keep the bytes for a limited time.
 */
public interface MediaFetcher {

    /** The routes whose references this fetcher can resolve. */
    Set<Channel> channels();

    /**
     * Opens the attachment's content; the caller reads and closes it.
     *
     * @throws MediaFetchException saying whether a later attempt may succeed; its reason never holds a credential
     */
    FetchedMedia fetch(ArchivedMessage message, Attachment attachment) throws MediaFetchException;
}
