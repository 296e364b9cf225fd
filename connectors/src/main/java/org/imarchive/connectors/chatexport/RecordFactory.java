package org.imarchive.connectors.chatexport;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Forward;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.support.Ids;

import java.time.Instant;
import java.util.List;

/**
 * Builds the records of one import. The record id is derived from the natural key and the sent time, never drawn
 * at random, so importing the same file again gives equal records and the archive dedupes them.
 */
final class RecordFactory {
    private final Channel channel;
    private final ImportRequest request;
    private final Provenance provenance;

    RecordFactory(Channel channel, ParseContext context) {
        this.channel = channel;
        this.request = context.request();
        this.provenance = new Provenance(Provenance.Source.IMPORT, request.journalSequence(), request.custodian(),
                context.sourceFileSha256());
    }

    ArchivedMessage message(String platformMessageId, String conversationId, Direction direction, Participant sender,
                            List<Participant> recipients, Instant sentAt, MessageContent content,
                            String replyToPlatformMessageId, Forward forward) {
        MessageKey key = new MessageKey(channel.platform(), request.accountId(), platformMessageId);
        String id = Ids.stableId(sentAt, "message|" + key);
        return new ArchivedMessage(id, key, channel, conversationId, direction, sender, recipients, sentAt,
                request.capturedAt(), content, replyToPlatformMessageId, forward, provenance);
    }
}
