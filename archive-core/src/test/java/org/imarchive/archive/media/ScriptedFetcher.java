package org.imarchive.archive.media;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Twilio fetcher that answers from a script: each attempt takes the next outcome (content or failure) for its media
 * id; when the script runs out the last outcome repeats.
 */
final class ScriptedFetcher implements MediaFetcher {
    private final Map<String, Deque<Object>> scripts = new ConcurrentHashMap<>();
    final List<String> attempts = new CopyOnWriteArrayList<>();

    ScriptedFetcher answer(String platformMediaId, Object... outcomes) {
        scripts.put(platformMediaId, new ArrayDeque<>(List.of(outcomes)));
        return this;
    }

    long attemptsOf(String platformMediaId) {
        return attempts.stream().filter(platformMediaId::equals).count();
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.TWILIO);
    }

    @Override
    public FetchedMedia fetch(ArchivedMessage message, Attachment attachment) throws MediaFetchException {
        attempts.add(attachment.platformMediaId());
        Deque<Object> script = scripts.get(attachment.platformMediaId());
        if (script == null) {
            throw new MediaFetchException(MediaFetchException.Failure.PERMANENT, "not in the script");
        }
        Object outcome = script.size() > 1 ? script.poll() : script.peek();
        if (outcome instanceof MediaFetchException failure) {
            throw new MediaFetchException(failure.failure(), failure.getMessage());
        }
        byte[] content = (byte[]) outcome;
        return new FetchedMedia(new ByteArrayInputStream(content), "image/jpeg", content.length, null);
    }
}
