package org.imarchive.gateway.config;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.audit.AuditQuery;
import org.imarchive.archive.support.Sha256;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts configuration changes on the audit trail. At each start the effective {@code gateway.*} settings are compared
 * with those recorded at the previous start; the names of the settings that changed are audited. Secret settings are
 * recorded only as a hash prefix, so a rotation shows without the secret ever reaching the trail.
 */
@Component
public class ConfigurationAudit implements ApplicationRunner {
    static final String ACTION = "config.applied";
    private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "key");

    private final ConfigurableEnvironment environment;
    private final AuditLog audit;

    public ConfigurationAudit(ConfigurableEnvironment environment, AuditLog audit) {
        this.environment = environment;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> current = effectiveSettings();
        String fingerprint = fingerprint(current);
        String target = "gateway configuration " + fingerprint;
        var previous = audit.page(new AuditQuery("system", ACTION, null, null, null, 1)).stream().findFirst();
        if (previous.isPresent() && target.equals(previous.get().target())) {
            return;
        }
        String changed = previous.isEmpty() ? "first start"
                : "changed: " + String.join(", ", changedKeys(parse(Objects.requireNonNullElse(previous.get().details(), "")), current));
        audit.record(new AuditEvent("system", ACTION, target, AuditEvent.Outcome.SUCCESS, null, truncate(changed + " | " + describe(current))));
    }

    Map<String, String> effectiveSettings() {
        TreeSet<String> names = new TreeSet<>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("gateway.")) {
                        names.add(name);
                    }
                }
            }
        }
        Map<String, String> settings = new TreeMap<>();
        for (String name : names) {
            String value = environment.getProperty(name);
            settings.put(name, isSecret(name) && value != null ? "sha256:" + Sha256.hex(value.getBytes(StandardCharsets.UTF_8)).substring(0, 12) : value);
        }
        return settings;
    }

    private static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("-", "");
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    private static String fingerprint(Map<String, String> settings) {
        return Sha256.hex(settings.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static String describe(Map<String, String> settings) {
        StringBuilder out = new StringBuilder();
        settings.forEach((name, value) -> out.append('\n').append(name).append('=').append(value));
        return out.toString();
    }

    private static Map<String, String> parse(String details) {
        Map<String, String> settings = new TreeMap<>();
        String body = details.contains(" | ") ? details.substring(details.indexOf(" | ") + 3) : details;
        for (String line : body.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.startsWith("gateway.")) {
                settings.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return settings;
    }

    private static List<String> changedKeys(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String key : all) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changed.add(key);
            }
        }
        return changed;
    }

    private static String truncate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
