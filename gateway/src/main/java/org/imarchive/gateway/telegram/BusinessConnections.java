package org.imarchive.gateway.telegram;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.pipeline.AccountApproval;
import org.imarchive.archive.pipeline.CaptureObserver;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.connectors.telegram.BusinessConnectionEvent;
import org.imarchive.connectors.telegram.TelegramNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Registers each {@code business_connection} update the journal holds (webhook or poll, live or replayed): the
 * connection, its owner and the bot's rights. A change is audited; a connection that is not an approved account is an
 * alert, since its messages will be quarantined.
 */
@Component
public class BusinessConnections implements CaptureObserver {
    private static final Logger LOG = LoggerFactory.getLogger(BusinessConnections.class);

    private final JdbcTemplate jdbc;
    private final TelegramNormalizer normalizer;
    private final AuditLog audit;
    private final AccountApproval approval;
    private final Clock clock;

    public BusinessConnections(JdbcTemplate jdbc, TelegramNormalizer normalizer, AuditLog audit, AccountApproval approval, Clock clock) {
        this.jdbc = jdbc;
        this.normalizer = normalizer;
        this.audit = audit;
        this.approval = approval;
        this.clock = clock;
    }

    @Override
    public void observe(CaptureRecord record) {
        if (!TelegramNormalizer.SOURCE.equals(record.payload().source())) {
            return;
        }
        normalizer.parseBusinessConnection(record).ifPresent(event -> register(event, record.sequence()));
    }

    private void register(BusinessConnectionEvent event, long sequence) {
        String rights = event.rights().toString();
        List<Map<String, Object>> known = jdbc.queryForList(
                "select enabled, rights, journal_sequence from telegram_business_connection where connection_id = ?", event.connectionId());
        if (!known.isEmpty()) {
            Map<String, Object> row = known.get(0);
            long seen = ((Number) row.get("journal_sequence")).longValue();
            if (seen >= sequence) {
                return;
            }
            if (Objects.equals(row.get("enabled"), event.enabled()) && Objects.equals(row.get("rights"), rights)) {
                jdbc.update("update telegram_business_connection set journal_sequence = ? where connection_id = ?", sequence, event.connectionId());
                return;
            }
            jdbc.update("update telegram_business_connection set user_id = ?, user_name = ?, username = ?, user_chat_id = ?, enabled = ?,"
                            + " rights = ?, updated_at = ?, journal_sequence = ? where connection_id = ?", event.userId(), event.userName(),
                    event.username(), event.userChatId(), event.enabled(), rights, Jdbc.timestamp(clock.instant()), sequence, event.connectionId());
        } else {
            jdbc.update("insert into telegram_business_connection (connection_id, user_id, user_name, username, user_chat_id, enabled, rights,"
                            + " connected_at, updated_at, journal_sequence) values (?,?,?,?,?,?,?,?,?,?)", event.connectionId(), event.userId(),
                    event.userName(), event.username(), event.userChatId(), event.enabled(), rights, Jdbc.timestamp(event.date()),
                    Jdbc.timestamp(clock.instant()), sequence);
        }
        audit.record(new AuditEvent("telegram", event.enabled() ? "telegram.connection" : "telegram.disconnection", event.connectionId(),
                AuditEvent.Outcome.SUCCESS, null, "user " + event.userId() + " (" + event.userName() + ") rights " + rights));
        if (event.enabled() && !approval.isApproved(new AccountRef(Platform.TELEGRAM, event.connectionId()))) {
            LOG.warn("ALERT Telegram business connection {} of user {} is not an approved account: its messages will be quarantined",
                    event.connectionId(), event.userId());
        }
    }

    public List<Map<String, Object>> all() {
        return jdbc.queryForList("select connection_id, user_id, user_name, username, user_chat_id, enabled, rights, connected_at, updated_at"
                + " from telegram_business_connection order by connection_id");
    }
}
