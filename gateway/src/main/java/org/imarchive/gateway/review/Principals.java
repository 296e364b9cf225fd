package org.imarchive.gateway.review;

import org.imarchive.gateway.security.Role;
import org.imarchive.supervision.queue.ReviewItem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Who may take part in a review, by their roles: reviewers, and the supervisors an item is escalated to. */
@Component
public class Principals {
    private final UserDetailsService users;
    private final ReviewRouting routing;
    private final SelfReviewGuard selfReview;

    public Principals(UserDetailsService users, ReviewRouting routing, SelfReviewGuard selfReview) {
        this.users = users;
        this.routing = routing;
        this.selfReview = selfReview;
    }

    public boolean isSupervisor(String username) {
        return rolesOf(username).contains(Role.SUPERVISOR.authority());
    }

    public boolean mayReview(String username) {
        return mayReview(rolesOf(username));
    }

    /**
     * Whether the caller may review, by the roles they signed in with: a person signed in by the directory or by an
     * OIDC token has no local user to look up, and may still take an item themselves.
     */
    public boolean mayReview(Authentication caller) {
        return mayReview(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
    }

    private static boolean mayReview(Set<String> roles) {
        return roles.contains(Role.REVIEWER.authority()) || roles.contains(Role.SUPERVISOR.authority()) || roles.contains(Role.COMPLIANCE.authority());
    }

    /** The first member of the group (in configuration order) who is a supervisor, is not the caller and does not own the message. */
    public Optional<String> firstSupervisorOf(String group, String caller, ReviewItem item) {
        if (group == null) {
            return Optional.empty();
        }
        return routing.membersOf(group).stream()
                .filter(member -> !member.equals(caller) && isSupervisor(member) && !selfReview.ownsMessageOf(member, item))
                .findFirst();
    }

    private Set<String> rolesOf(String username) {
        try {
            return users.loadUserByUsername(username).getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        } catch (UsernameNotFoundException unknown) {
            return Set.of();
        }
    }
}
