package io.tessera.engine.sim.scale;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The servers' own words for their load, parsed: Redis {@code INFO} sections ("key:value" lines), ZooKeeper's {@code mntr}
 * ("key TAB value" lines), the NameNode's JMX servlet (JSON beans), and the first line of Linux's {@code /proc/stat}.
 */
public final class ServerTexts {
    private ServerTexts() {}

    /** Redis INFO: "# Section" headers and "key:value" lines. */
    public static Map<String, String> redisInfo(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (!line.startsWith("#") && colon > 0) {
                values.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return values;
    }

    /** One command of INFO commandstats: {@code cmdstat_xadd:calls=12,usec=340,usec_per_call=28.33,…}. */
    public record CommandStat(long calls, long usec) {}

    public static Map<String, CommandStat> commandStats(String text) {
        Map<String, CommandStat> stats = new LinkedHashMap<>();
        redisInfo(text).forEach((key, value) -> {
            if (key.startsWith("cmdstat_")) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String field : value.split(",")) {
                    int eq = field.indexOf('=');
                    if (eq > 0) {
                        fields.put(field.substring(0, eq), field.substring(eq + 1));
                    }
                }
                stats.put(key.substring("cmdstat_".length()), new CommandStat(Long.parseLong(fields.getOrDefault("calls", "0")),
                        Long.parseLong(fields.getOrDefault("usec", "0"))));
            }
        });
        return stats;
    }

    /** Redis's CPU seconds (system + user) from INFO cpu: all its threads, and its main (command) thread where Redis reports it. */
    public record RedisCpu(double total, double mainThread) {}

    public static RedisCpu redisCpu(String text) {
        Map<String, String> info = redisInfo(text);
        double total = number(info, "used_cpu_sys") + number(info, "used_cpu_user");
        double main = info.containsKey("used_cpu_sys_main_thread")
                ? number(info, "used_cpu_sys_main_thread") + number(info, "used_cpu_user_main_thread") : total;
        return new RedisCpu(total, main);
    }

    /** ZooKeeper mntr: "key TAB value" lines. */
    public static Map<String, String> mntr(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                values.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
            }
        }
        return values;
    }

    /** The numeric attributes of every bean of a JMX servlet answer ({@code {"beans":[{…}]}}), by attribute name. */
    public static Map<String, Double> jmxNumbers(String json) throws IOException {
        Map<String, Double> numbers = new LinkedHashMap<>();
        JsonNode beans = Json.mapper().readTree(json).path("beans");
        for (JsonNode bean : beans) {
            bean.properties().forEach(attribute -> {
                if (attribute.getValue().isNumber()) {
                    numbers.put(attribute.getKey(), attribute.getValue().asDouble());
                }
            });
        }
        return numbers;
    }

    /** The whole machine's CPU from /proc/stat's first line, in clock ticks: busy (not idle nor waiting on I/O) and all. */
    public record MachineTicks(long busy, long total) {}

    public static MachineTicks procStat(String text) {
        String first = text.lines().filter(line -> line.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no 'cpu' line in /proc/stat"));
        String[] f = first.strip().split("\\s+");
        long total = 0;
        // user nice system idle iowait irq softirq steal (guest time is already counted in user)
        for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new MachineTicks(total - idle, total);
    }

    private static double number(Map<String, String> values, String key) {
        try {
            return Double.parseDouble(values.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
