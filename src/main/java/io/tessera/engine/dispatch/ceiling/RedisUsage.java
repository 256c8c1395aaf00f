package io.tessera.engine.dispatch.ceiling;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * What a redis-server has spent: its CPU time ({@code INFO cpu} used_cpu_user + used_cpu_sys, every thread of the process)
 * and its per-command figures ({@code INFO commandstats}). The difference of two readings is what a run cost Redis, which
 * depends far less on what else the machine runs than a wall-clock rate does.
 */
public record RedisUsage(double cpuSeconds, Map<String, CommandStat> commands) {
    /** The bench's own reads, left out of what a run cost. */
    private static final List<String> OWN = List.of("info", "config|resetstat", "config", "ping", "auth", "hello", "client|setinfo", "client");

    public static RedisUsage read(UnifiedJedis redis) {
        return parse(redis.info("cpu") + "\n" + redis.info("commandstats"));
    }

    /** Zeroes the server's command counters (CONFIG RESETSTAT) and reads what it has spent so far. */
    public static RedisUsage reset(UnifiedJedis redis) {
        redis.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");
        return read(redis);
    }

    /** Parses INFO text: {@code used_cpu_user:1.23}, {@code cmdstat_xadd:calls=10,usec=50,usec_per_call=5.00,…}. */
    public static RedisUsage parse(String info) {
        double cpu = 0;
        Map<String, CommandStat> commands = new LinkedHashMap<>();
        for (String raw : info.split("\r?\n")) {
            String line = raw.strip();
            int colon = line.indexOf(':');
            if (line.startsWith("#") || colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (key.equals("used_cpu_user") || key.equals("used_cpu_sys")) {
                cpu += Double.parseDouble(value);
            } else if (key.startsWith("cmdstat_")) {
                String name = key.substring("cmdstat_".length());
                if (!OWN.contains(name)) {
                    commands.put(name, new CommandStat(name, field(value, "calls"), field(value, "usec")));
                }
            }
        }
        return new RedisUsage(cpu, Map.copyOf(commands));
    }

    private static long field(String value, String name) {
        for (String part : value.split(",")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        return 0;
    }

    /** What was spent since {@code earlier}. */
    public RedisUsage minus(RedisUsage earlier) {
        Map<String, CommandStat> spent = new LinkedHashMap<>();
        commands.forEach((name, stat) -> {
            CommandStat delta = stat.minus(earlier.commands.get(name));
            if (delta.calls() > 0) {
                spent.put(name, delta);
            }
        });
        return new RedisUsage(cpuSeconds - earlier.cpuSeconds, Map.copyOf(spent));
    }

    /** The {@code n} commands Redis spent the most time in, dearest first. */
    public List<CommandStat> top(int n) {
        return commands.values().stream().sorted(Comparator.comparingLong(CommandStat::usec).reversed().thenComparing(CommandStat::name))
                .limit(n).toList();
    }
}
