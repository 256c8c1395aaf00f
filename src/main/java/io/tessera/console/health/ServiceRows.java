package io.tessera.console.health;

import io.tessera.console.common.Formats;
import io.tessera.engine.health.DataNodeFigures;
import io.tessera.engine.health.HdfsFigures;
import io.tessera.engine.health.RedisFigures;
import io.tessera.engine.health.SlowCommand;
import io.tessera.engine.health.ZooKeeperMember;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The dashboard's tables and fact lists as text, from the services' figures. */
final class ServiceRows {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** {@code bad}: the row is drawn as a problem. */
    record DataNodeRow(String name, String state, String usage, String remaining, String lastContact, String failedVolumes, boolean bad) {}

    record ZooKeeperRow(String address, String mode, String latency, String outstanding, String znodes, String watches,
                        String connections, boolean bad) {}

    record SlowRow(String at, String duration, String command) {}

    private ServiceRows() {}

    static List<DataNodeRow> dataNodes(HdfsFigures hdfs) {
        return hdfs.dataNodes().stream().map(node -> new DataNodeRow(node.name(), node.state().text(),
                Formats.size(node.used()) + " of " + Formats.size(node.capacity()) + percent(node.usedShare()),
                Formats.size(node.remaining()), node.lastContactSeconds() + " s ago",
                Integer.toString(node.failedVolumes()),
                node.state() != DataNodeFigures.State.LIVE || node.failedVolumes() > 0)).toList();
    }

    static List<Map.Entry<String, String>> blocks(HdfsFigures hdfs) {
        return List.of(
                Map.entry("Capacity", Formats.size(hdfs.used()) + " used of " + Formats.size(hdfs.capacity()) + percent(hdfs.usedShare())
                        + ", " + Formats.size(hdfs.remaining()) + " free"),
                Map.entry("Blocks", Formats.number(hdfs.underReplicatedBlocks()) + " under-replicated, " + Formats.number(hdfs.missingBlocks())
                        + " missing, " + Formats.number(hdfs.corruptBlocks()) + " corrupt"),
                Map.entry("Safe mode", hdfs.safeMode() ? "on (read-only)" : "off"),
                Map.entry("NameNode call", hdfs.rpcMillis() + " ms"));
    }

    static List<ZooKeeperRow> zooKeeper(List<ZooKeeperMember> members) {
        return members.stream().map(m -> m.answered()
                ? new ZooKeeperRow(m.address(), m.mode() == null ? "?" : m.mode(),
                        m.averageLatencyMillis() < 0 ? "–" : String.format(Locale.ROOT, "%.1f / %d ms", m.averageLatencyMillis(), m.maxLatencyMillis()),
                        figure(m.outstandingRequests()), figure(m.znodes()), figure(m.watches()), figure(m.connections()), false)
                : new ZooKeeperRow(m.address(), m.problem(), "–", "–", "–", "–", "–", !m.problem().contains("not allowed"))).toList();
    }

    static List<Map.Entry<String, String>> redis(RedisFigures redis) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        facts.add(Map.entry("Role", redis.role() + (redis.masterLink() == null ? "" : ", primary " + redis.masterLink())));
        facts.add(Map.entry("Replicas", redis.replicas().isEmpty() ? "none" : String.join("; ", redis.replicas())));
        facts.add(Map.entry("Memory", Formats.size(redis.usedMemory()) + " used, " + Formats.size(redis.peakMemory()) + " peak"
                + (redis.maxMemory() > 0 ? ", limit " + Formats.size(redis.maxMemory()) : ", no limit")
                + String.format(Locale.ROOT, ", fragmentation %.2f", redis.fragmentation())));
        facts.add(Map.entry("Clients", redis.clients() + " connected, " + redis.blockedClients() + " blocked (workers waiting for tasks)"));
        facts.add(Map.entry("Operations", Formats.number(redis.opsPerSecond()) + " per second"));
        facts.add(Map.entry("Keys", redis.keysPerDatabase().isEmpty() ? "none"
                : redis.keysPerDatabase().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + ": " + Formats.number(e.getValue())).reduce((a, b) -> a + ", " + b).orElse("")));
        facts.add(Map.entry("Persistence", redis.persistence() + (redis.persistenceProblem() == null ? "" : "; " + redis.persistenceProblem())));
        return facts;
    }

    static List<SlowRow> slowlog(List<SlowCommand> slowlog) {
        return slowlog.stream().map(s -> new SlowRow(CLOCK.format(s.at()),
                s.micros() >= 1000 ? String.format(Locale.ROOT, "%.1f ms", s.micros() / 1000.0) : s.micros() + " µs", s.command())).toList();
    }

    private static String figure(long n) {
        return n < 0 ? "–" : Formats.number(n);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, " (%.0f %%)", share * 100);
    }
}
