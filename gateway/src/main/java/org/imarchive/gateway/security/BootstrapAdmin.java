package org.imarchive.gateway.security;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes sure a fresh archive has an administrator. With {@code gateway.security.bootstrap-admin.password} set
 * (automation) that password is used; otherwise one is generated and printed once on the console, never logged.
 * The administrator gets only the admin role: reading messages needs a compliance user, whom the admin creates.
 */
@Component
public class BootstrapAdmin implements ApplicationRunner {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final LocalUsers users;
    private final SecurityProperties properties;
    private final AuditLog audit;
    private final PrintStream console;

    public BootstrapAdmin(LocalUsers users, SecurityProperties properties, AuditLog audit) {
        this.users = users;
        this.properties = properties;
        this.audit = audit;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String username = properties.bootstrapAdmin().username();
        String configured = properties.bootstrapAdmin().password();
        String password = configured == null || configured.isBlank() ? generate() : configured;
        Set<Role> roles = EnumSet.of(Role.ADMIN);
        users.create(username, password, roles, "bootstrap");
        audit.record(AuditEvent.success("system", "user.create", username).withDetails("bootstrap administrator, roles " + Role.format(roles)));
        if (configured == null || configured.isBlank()) {
            console.println();
            console.println("==================================================================");
            console.println(" First administrator created. This password is shown only once:");
            console.println("   username: " + username);
            console.println("   password: " + password);
            console.println("==================================================================");
            console.println();
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
