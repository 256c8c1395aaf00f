package io.tessera.engine.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which records to list: every filter is optional (null or blank: any). {@code user} matches the OS user or the identity
 * used with any service; {@code action} an action name or its domain ("job" is every {@code job.*}); {@code target} a
 * piece of any target, ignoring case; {@code since} records at or after it; {@code limit} the newest that many.
 */
public record AuditQuery(String user, String action, String target, Instant since, AuditResult result, int limit) {
    private static final Pattern AGO = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    public static AuditQuery newest(int limit) {
        return new AuditQuery(null, null, null, null, null, limit);
    }

    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit is at least 1, not " + limit);
        }
    }

    public boolean matches(AuditRecord record) {
        return (blank(user) || user.equalsIgnoreCase(record.user()) || record.identities().values().stream().anyMatch(user::equalsIgnoreCase))
                && (blank(action) || record.action().equalsIgnoreCase(action) || record.action().toLowerCase(Locale.ROOT).startsWith(action.toLowerCase(Locale.ROOT) + "."))
                && (blank(target) || record.targets().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(target.toLowerCase(Locale.ROOT))))
                && (since == null || (record.time() != null && !record.time().isBefore(since)))
                && (result == null || result == record.result());
    }

    /**
     * A "since" as an operator types it: an age ({@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}), an instant
     * ({@code 2026-12-05T10:00:00Z}) or a day ({@code 2026-12-05}, from its start in UTC).
     */
    public static Instant parseSince(String text, Clock clock) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            Duration age = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return clock.instant().minus(age);
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a since is an age (90s, 15m, 2h, 7d), an instant (2026-12-05T10:00:00Z) or a day (2026-12-05), not '"
                    + text.strip() + "'");
        }
    }

    /** A result as typed: done, failed or denied (any case). */
    public static AuditResult parseResult(String text) {
        try {
            return AuditResult.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a result is done, failed or denied, not '" + text.strip() + "'");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
