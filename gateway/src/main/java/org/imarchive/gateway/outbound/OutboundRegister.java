package org.imarchive.gateway.outbound;

import org.imarchive.archive.support.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The register of sends (table {@code outbound_message}): the link from our outbound id to the platform's message id,
 * which reconciliation needs to recognise a message the gateway sent among the platform's own list. The archive
 * record stays the evidence; this is an index of it, rebuildable from the journal's outbound captures.
 */
public class OutboundRegister {
    private final JdbcTemplate jdbc;

    public OutboundRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void requested(OutboundIntent intent, long intentSequence) {
        jdbc.update("insert into outbound_message (outbound_id, channel, platform, account_id, recipient, requested_by, requested_at,"
                        + " intent_sequence, state) values (?,?,?,?,?,?,?,?,'REQUESTED')",
                intent.outboundId(), intent.channel().wireName(), intent.channel().platform().wireName(), intent.account(), intent.to(),
                intent.requestedBy(), Jdbc.timestamp(intent.requestedAt()), intentSequence);
    }

    void decided(SendOutcome outcome, java.time.Instant at) {
        jdbc.update("update outbound_message set state = ?, platform_message_id = ?, http_status = ?, error_code = ?, reason = ?, decided_at = ?"
                        + " where outbound_id = ?",
                outcome.state().name(), outcome.platformMessageId(), outcome.httpStatus(), outcome.errorCode(), outcome.reason(),
                Jdbc.timestamp(at), outcome.outboundId());
    }

    /** Those of the platform's message ids that name messages the gateway sent from the account through the channel. */
    public Set<String> sentAmong(OutboundChannel channel, String account, Collection<String> platformMessageIds) {
        Set<String> sent = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(platformMessageIds))) {
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            Object[] args = new Object[chunk.size() + 2];
            args[0] = channel.wireName();
            args[1] = account;
            System.arraycopy(chunk.toArray(), 0, args, 2, chunk.size());
            sent.addAll(jdbc.queryForList("select platform_message_id from outbound_message where channel = ? and account_id = ?"
                    + " and platform_message_id in (" + marks + ")", String.class, args));
        }
        return sent;
    }

    static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }
}
