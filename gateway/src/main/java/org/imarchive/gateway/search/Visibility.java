package org.imarchive.gateway.search;

import org.imarchive.archive.store.StoredMessage;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whose messages a caller may see. Compliance and auditors see the whole archive; supervisors and reviewers see the
 * messages of the relationship managers in their supervision groups ({@code gateway.supervision.groups}), the owners
 * of the accounts the messages went through.
 */
@Component
public class Visibility {
    private final SupervisionGroupsProperties groups;
    private final AccountRegister accounts;

    public Visibility(SupervisionGroupsProperties groups, AccountRegister accounts) {
        this.groups = groups;
        this.accounts = accounts;
    }

    /** @return the relationship managers the caller may see, or null for no restriction */
    public Set<String> visibleRms(Authentication caller) {
        Set<String> authorities = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (authorities.contains(Role.COMPLIANCE.authority()) || authorities.contains(Role.AUDITOR.authority())) {
            return null;
        }
        return groups.groups().stream()
                .filter(group -> group.members().contains(caller.getName()))
                .flatMap(group -> group.rms().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the caller may see a message of this relationship manager (null: an account nobody owns, which only unrestricted callers see). */
    public boolean maySee(Authentication caller, String rm) {
        Set<String> visible = visibleRms(caller);
        return visible == null || (rm != null && visible.contains(rm));
    }

    /** Whether the caller may read this message: always for compliance and auditors, else if its RM is one of theirs. */
    public boolean maySee(Authentication caller, StoredMessage message) {
        return maySee(caller, accounts.ownerOf(message.key().account()).orElse(null));
    }
}
