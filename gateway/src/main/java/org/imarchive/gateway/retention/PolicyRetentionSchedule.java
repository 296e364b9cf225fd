package org.imarchive.gateway.retention;

import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.store.RecordRetention;
import org.imarchive.archive.store.RetentionSchedule;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.retention.policy.RecordType;
import org.imarchive.retention.policy.RetentionAssignment;
import org.imarchive.retention.policy.RetentionPolicySet;
import org.imarchive.retention.policy.RetentionSubject;

/**
 * The committer's retention port answered by the retention policy: the longest matching rule, with the account's
 * business line and jurisdiction from the approved-account register.
 */
public final class PolicyRetentionSchedule implements RetentionSchedule {
    private final RetentionPolicySet policies;
    private final AccountRegister accounts;

    public PolicyRetentionSchedule(RetentionPolicySet policies, AccountRegister accounts) {
        this.policies = policies;
        this.accounts = accounts;
    }

    @Override
    public RecordRetention retentionOf(Question question) {
        AccountRegister.RetentionFacts facts = accounts.retentionFactsOf(new AccountRef(question.platform(), question.accountId()));
        RecordType type = "attachment".equals(question.kind()) ? RecordType.ATTACHMENT : RecordType.MESSAGE;
        RetentionAssignment assignment = policies.assign(new RetentionSubject(type, question.platform(), question.accountId(),
                facts.businessLine(), facts.jurisdiction(), question.recordTime()));
        return stored(assignment, question.kind());
    }

    static RecordRetention stored(RetentionAssignment assignment, String kind) {
        RetentionSubject subject = assignment.subject();
        return new RecordRetention(assignment.retentionClass(), assignment.legalBasis(), assignment.expiresOn(), assignment.policyVersion(),
                assignment.policyHash(), assignment.matchedRules(), kind, subject.businessLine(), subject.jurisdiction(), subject.recordTime());
    }
}
