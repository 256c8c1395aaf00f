package io.tessera.engine.audit;

import io.tessera.engine.connect.ConnectionTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The last guard before a record is stored: services pass no secrets ({@link AuditEvent}), but should one slip
 * through, a parameter named like a secret is kept as "(redacted)", and the connection's own passwords are cut out of
 * every target, parameter and reason.
 */
final class AuditRedaction {
    static final String REDACTED = "(redacted)";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|credential|private.?key|api.?key).*");

    private final List<String> secrets = new ArrayList<>();

    AuditRedaction(ConnectionTarget target) {
        add(target.redisPassword());
        add(target.zooKeeperDigestPassword());
    }

    private void add(char[] secret) {
        if (secret != null && secret.length >= 4) {
            secrets.add(new String(secret));
        }
    }

    AuditEvent apply(AuditEvent event) {
        Map<String, String> parameters = new LinkedHashMap<>();
        event.parameters().forEach((name, value) -> parameters.put(scrub(name),
                SECRET_NAME.matcher(name).matches() ? REDACTED : scrub(value)));
        return new AuditEvent(event.action(), event.targets().stream().map(this::scrub).toList(), parameters, event.result(), scrub(event.reason()));
    }

    private String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, REDACTED);
        }
        return out;
    }
}
