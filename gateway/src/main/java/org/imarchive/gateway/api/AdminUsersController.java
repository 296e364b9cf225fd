package org.imarchive.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.gateway.security.Actors;
import org.imarchive.gateway.security.LocalUsers;
import org.imarchive.gateway.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Local user administration (admins only); every change is audited, the password never. */
@RestController
@RequestMapping("/api/admin/users")
public class AdminUsersController {
    private final LocalUsers users;
    private final AuditLog audit;

    public AdminUsersController(LocalUsers users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    public record NewUser(String username, String password, List<String> roles) {
    }

    @GetMapping
    public List<LocalUsers.LocalUser> list() {
        return users.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@RequestBody NewUser user, HttpServletRequest request) {
        var roles = Role.parse(user.roles() == null ? "" : String.join(",", user.roles()));
        try {
            users.create(user.username(), user.password(), roles, Actors.current());
        } catch (IllegalArgumentException e) {
            audit.record(new AuditEvent(Actors.current(), "user.create", user.username(), AuditEvent.Outcome.REFUSED,
                    Actors.addressOf(request), e.getMessage()));
            throw e;
        }
        audit.record(new AuditEvent(Actors.current(), "user.create", user.username(), AuditEvent.Outcome.SUCCESS,
                Actors.addressOf(request), "roles " + Role.format(roles)));
        return Map.of("username", user.username(), "roles", Role.format(roles));
    }
}
