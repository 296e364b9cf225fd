package org.imarchive.gateway.retention;

import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.store.RecordRetention;
import org.imarchive.archive.store.RetainedRow;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.retention.RetainedRecord;
import org.imarchive.retention.hold.RecordFacts;
import org.imarchive.retention.policy.RecordType;
import org.imarchive.retention.policy.RetentionAssignment;
import org.imarchive.retention.policy.RetentionSubject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The store's rows as the retention rules see them: the stored retention as an assignment, the message's facts for holds. */
final class RetainedRecords {
    private final AccountRegister accounts;
    private final Map<AccountRef, Set<String>> custodians = new HashMap<>();

    RetainedRecords(AccountRegister accounts) {
        this.accounts = accounts;
    }

    List<RetainedRecord> of(List<RetainedRow> rows) {
        return rows.stream().filter(row -> row.retention() != null).map(this::of).toList();
    }

    RetainedRecord of(RetainedRow row) {
        RetentionAssignment assignment = assignment(row);
        AccountRef account = new AccountRef(row.platform(), row.accountId());
        RecordFacts facts = new RecordFacts(row.messageId(), row.conversationId(), custodians.computeIfAbsent(account, accounts::custodiansOf), row.participants(),
                row.sentAt() != null ? row.sentAt() : row.retention().recordTime(), row.platform(), row.accountId());
        return new RetainedRecord(row.recordId(), row.sha256(), assignment, facts);
    }

    /** The stored retention as the assignment it was; its period is not stored (the expiry is what counts). */
    static RetentionAssignment assignment(RetainedRow row) {
        RecordRetention kept = row.retention();
        RecordType type = "attachment".equals(kept.kind()) ? RecordType.ATTACHMENT : RecordType.MESSAGE;
        RetentionSubject subject = new RetentionSubject(type, row.platform(), row.accountId(), kept.businessLine(), kept.jurisdiction(),
                kept.recordTime());
        return new RetentionAssignment(subject, kept.retentionClass(), kept.legalBasis(), null, kept.matchedRules(), kept.expiresOn(),
                kept.policyVersion(), kept.policyHash());
    }
}
