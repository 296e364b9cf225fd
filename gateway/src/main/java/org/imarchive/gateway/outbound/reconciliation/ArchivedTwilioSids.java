package org.imarchive.gateway.outbound.reconciliation;

import org.imarchive.connectors.twilio.TwilioReconciliation;
import org.imarchive.gateway.outbound.OutboundChannel;
import org.imarchive.gateway.outbound.OutboundRegister;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Twilio MessageSids the archive holds for a business number: a message captured with its content (a status
 * alone does not count: the message itself would still be missing), or a message the gateway sent, which the archive
 * holds under our own id and the outbound register links to Twilio's sid.
 */
final class ArchivedTwilioSids implements TwilioReconciliation.ArchivedSids {
    private static final int CHUNK = 500;
    private final JdbcTemplate jdbc;
    private final OutboundRegister register;

    ArchivedTwilioSids(JdbcTemplate jdbc, OutboundRegister register) {
        this.jdbc = jdbc;
        this.register = register;
    }

    @Override
    public Set<String> archivedAmong(String account, Collection<String> sids) {
        Set<String> held = new HashSet<>();
        List<String> all = List.copyOf(sids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            Object[] args = new Object[chunk.size() + 1];
            args[0] = account;
            System.arraycopy(chunk.toArray(), 0, args, 1, chunk.size());
            held.addAll(jdbc.queryForList("select platform_message_id from message where platform = 'whatsapp' and account_id = ?"
                    + " and original_captured = true and platform_message_id in (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    String.class, args));
        }
        held.addAll(register.sentAmong(OutboundChannel.TWILIO, account, sids));
        return held;
    }
}
