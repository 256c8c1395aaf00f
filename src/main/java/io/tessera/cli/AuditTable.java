package io.tessera.cli;

import io.tessera.engine.audit.AuditRecord;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Audit records as a plain text table: columns as wide as their widest value, the reason last and whole. */
final class AuditTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> HEADERS = List.of("SEQ", "TIME", "USER", "AS", "ACTION", "TARGETS", "RESULT", "ORIGIN", "REASON");

    private AuditTable() {}

    static String of(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return "no audit records match\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (AuditRecord r : records) {
            rows.add(List.of(Long.toString(r.seq()), r.time() == null ? "" : TIME.format(r.time()), r.user(), identities(r), r.action(),
                    String.join(", ", r.targets()), r.result().name().toLowerCase(Locale.ROOT), r.origin(), r.reason()));
        }
        int[] widths = new int[HEADERS.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** "hdfs:alice zookeeper:ops redis:default". */
    static String identities(AuditRecord record) {
        return record.identities().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
    }
}
