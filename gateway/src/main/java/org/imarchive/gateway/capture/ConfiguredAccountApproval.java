package org.imarchive.gateway.capture;

import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.pipeline.AccountApproval;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/** Approval as configured in {@code gateway.accounts.approved}. */
@Component
public class ConfiguredAccountApproval implements AccountApproval {
    private final Set<AccountRef> approved;

    public ConfiguredAccountApproval(ApprovedAccountsProperties properties) {
        this.approved = properties.approved().stream()
                .map(account -> new AccountRef(account.platform(), account.accountId()))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean isApproved(AccountRef account) {
        return approved.contains(account);
    }
}
