package io.tessera.engine.connect;

import io.tessera.engine.health.RedisFigures;
import io.tessera.engine.health.SlowCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.Slowlog;

/** Reads the dashboard's Redis figures: one INFO (all sections) and the ten slowest recent commands. */
final class RedisFiguresReader {
    private static final int SLOWLOG_ENTRIES = 10;
    private static final int COMMAND_CHARS = 120;

    private RedisFiguresReader() {}

    static RedisFigures read(Jedis jedis, Map<String, String> info) {
        List<String> replicas = new ArrayList<>();
        for (int i = 0; info.containsKey("slave" + i); i++) {
            replicas.add(replica(info.get("slave" + i)));
        }
        String role = info.getOrDefault("role", "?");
        String masterLink = "slave".equals(role)
                ? info.getOrDefault("master_host", "?") + ":" + info.getOrDefault("master_port", "?") + " " + info.getOrDefault("master_link_status", "?")
                : null;
        Map<String, Long> keys = new LinkedHashMap<>();
        info.forEach((key, value) -> {
            if (key.matches("db\\d+")) {
                keys.put(key, field(value, "keys"));
            }
        });
        boolean aof = "1".equals(info.get("aof_enabled"));
        String persistence = (aof ? "append-only file" : "snapshots") + ", " + number(info.get("rdb_changes_since_last_save"))
                + " changes since the last snapshot";
        String problem = null;
        if (!"ok".equals(info.getOrDefault("rdb_last_bgsave_status", "ok"))) {
            problem = "the last snapshot failed (rdb_last_bgsave_status " + info.get("rdb_last_bgsave_status") + ")";
        } else if (aof && !"ok".equals(info.getOrDefault("aof_last_write_status", "ok"))) {
            problem = "the last append-only write failed (aof_last_write_status " + info.get("aof_last_write_status") + ")";
        }
        return new RedisFigures("slave".equals(role) ? "replica" : "master".equals(role) ? "primary" : role, replicas, masterLink,
                number(info.get("used_memory")), number(info.get("used_memory_peak")), number(info.get("maxmemory")),
                decimal(info.get("mem_fragmentation_ratio")), number(info.get("connected_clients")), number(info.get("blocked_clients")),
                number(info.get("instantaneous_ops_per_sec")), keys, persistence, problem, slowlog(jedis));
    }

    /** "ip=10.0.0.2,port=6380,state=online,offset=123,lag=0" → "10.0.0.2:6380 online, lag 0 s". */
    private static String replica(String value) {
        Map<String, String> fields = fields(value);
        return fields.getOrDefault("ip", "?") + ":" + fields.getOrDefault("port", "?") + " " + fields.getOrDefault("state", "?")
                + (fields.containsKey("lag") ? ", lag " + fields.get("lag") + " s" : "");
    }

    private static List<SlowCommand> slowlog(Jedis jedis) {
        try {
            List<SlowCommand> entries = new ArrayList<>();
            for (Slowlog entry : jedis.slowlogGet(SLOWLOG_ENTRIES)) {
                String command = String.join(" ", entry.getArgs());
                entries.add(new SlowCommand(entry.getId(), Instant.ofEpochSecond(entry.getTimeStamp()), entry.getExecutionTime(),
                        command.length() > COMMAND_CHARS ? command.substring(0, COMMAND_CHARS) + "…" : command));
            }
            return entries;
        } catch (JedisDataException notAllowed) {
            return List.of(); // an ACL user without SLOWLOG: the rest still shows
        }
    }

    private static Map<String, String> fields(String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return fields;
    }

    private static long field(String value, String name) {
        return number(fields(value).get(name));
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double decimal(String text) {
        try {
            return text == null ? 0 : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
