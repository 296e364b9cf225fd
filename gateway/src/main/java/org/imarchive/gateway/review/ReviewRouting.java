package org.imarchive.gateway.review;

import org.imarchive.archive.model.AccountRef;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.search.SupervisionGroupsProperties;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whose message it is and which supervision groups look at it: the RM owning the account, and the groups naming
 * that RM. The item goes to the first of those groups as configured; the policies of all of them apply.
 */
@Component
public class ReviewRouting {
    private final AccountRegister accounts;
    private final SupervisionGroupsProperties groups;

    public ReviewRouting(AccountRegister accounts, SupervisionGroupsProperties groups) {
        this.accounts = accounts;
        this.groups = groups;
    }

    /**
     * @param rm     the RM owning the account, or null (an unowned or unapproved account)
     * @param groups the RM's groups in configuration order; empty for an RM in none, whose messages only the
     *               policies that apply to every group scan
     */
    public record Route(String rm, Set<String> groups) {

        /** The group the item is routed to, or null. */
        public String group() {
            return groups.isEmpty() ? null : groups.iterator().next();
        }
    }

    public Route routeOf(AccountRef account) {
        String rm = accounts.ownerOf(account).orElse(null);
        Set<String> names = new LinkedHashSet<>();
        if (rm != null) {
            groups.groups().stream().filter(group -> group.rms().contains(rm)).forEach(group -> names.add(group.name()));
        }
        return new Route(rm, java.util.Collections.unmodifiableSet(names));
    }

    /** Members of a group, in configuration order; empty for an unknown group. */
    public java.util.List<String> membersOf(String group) {
        return groups.groups().stream().filter(g -> g.name().equals(group)).flatMap(g -> g.members().stream()).toList();
    }
}
