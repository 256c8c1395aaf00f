package io.tessera.console.audit;

import io.tessera.engine.audit.AuditRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** One record as the Audit table shows it: texts made once, when the row is made; identities as "HDFS · ZooKeeper · Redis" user. */
public record AuditRow(AuditRecord record, String time, String user, String identities, String action, String targets, String result,
                       String reason, String origin) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static AuditRow of(AuditRecord r, ZoneId zone) {
        return new AuditRow(r, r.time() == null ? "" : TIME.format(r.time().atZone(zone)), r.user(),
                r.identity("hdfs") + " · " + r.identity("zookeeper") + " · " + r.identity("redis"),
                r.action(), String.join(", ", r.targets()), r.result().name().toLowerCase(Locale.ROOT), r.reason(), r.origin());
    }

    /** The whole record, one field a line: the row's tooltip. */
    public String details() {
        StringBuilder text = new StringBuilder();
        text.append("#").append(record.seq()).append("  ").append(time).append("  (").append(record.time()).append(")\n");
        text.append("User: ").append(user).append("   Profile: ").append(record.profile()).append('\n');
        text.append("As: HDFS ").append(record.identity("hdfs")).append(", ZooKeeper ").append(record.identity("zookeeper"))
                .append(", Redis ").append(record.identity("redis")).append('\n');
        text.append("Action: ").append(action).append(" → ").append(result).append('\n');
        text.append("Targets: ").append(targets.isEmpty() ? "—" : targets).append('\n');
        if (!record.parameters().isEmpty()) {
            text.append("Parameters: ").append(record.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (!reason.isEmpty()) {
            text.append("Reason: ").append(reason).append('\n');
        }
        text.append("From: ").append(origin).append('\n');
        text.append("Hash: ").append(record.hash());
        return text.toString();
    }
}
