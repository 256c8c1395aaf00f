package io.tessera.engine.sim.scale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures in words: the Markdown table for docs/performance.md, and per op where the curve bends below 0.9 of the ideal
 * and what was nearest its limit there: the machine's CPU (all its cores busy) or the Redis primary's main thread (one core at
 * most), with the other servers' load beside them.
 */
public final class ScaleReport {
    /** Below this share of the ideal, the curve has bent (issue 16's goal: at least 0.9 N×). */
    public static final double GOAL = 0.9;
    /** A resource this busy counts as saturated. */
    static final double SATURATED = 0.85;

    private ScaleReport() {}

    public static String table(List<ScalePoint> points) {
        StringBuilder md = new StringBuilder();
        md.append("| op | hosts | images/job | steady images/s | ideal | efficiency | whole-job images/s | efficiency (whole) | machine CPU busy "
                + "| Redis CPU ms/image | Redis main thread (cores) | NameNode RPCs/image | ZooKeeper packets/image | Redis commands/image (top) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ScalePoint p : points) {
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %.1f | %.1f | %.2f | %.1f | %.2f | %.0f %% | %.3f | %.2f | %.1f | %.2f | %s |%n",
                    p.op(), p.hosts(), p.images(), p.steady(), p.idealSteady(), p.efficiency(), p.whole(), p.wholeEfficiency(), 100 * p.machineBusy(),
                    p.redisCpuMsPerImage(), p.redisMainCores(), p.nameNodeRpcPerImage(), p.zooKeeperPacketsPerImage(), commands(p.redisCallsPerImage())));
        }
        return md.toString();
    }

    /** One line per op: up to which host count it stays at the goal, and where it bends, what was busiest there. */
    public static List<String> saturation(List<ScalePoint> points, int cores) {
        Map<String, List<ScalePoint>> byOp = points.stream().collect(Collectors.groupingBy(ScalePoint::op, LinkedHashMap::new, Collectors.toList()));
        List<String> lines = new ArrayList<>();
        byOp.forEach((op, series) -> {
            ScalePoint bend = series.stream().skip(1).filter(p -> !(p.efficiency() >= GOAL)).findFirst().orElse(null);
            ScalePoint last = series.getLast();
            if (bend == null) {
                lines.add(String.format(Locale.ROOT, "%s: at least %.1f of the ideal up to %s (%.2f there); at %s: %s", op, GOAL, hosts(last.hosts()),
                        last.efficiency(), hosts(last.hosts()), load(last, cores)));
            } else {
                int good = series.stream().filter(p -> p.hosts() < bend.hosts()).mapToInt(ScalePoint::hosts).max().orElse(series.getFirst().hosts());
                lines.add(String.format(Locale.ROOT, "%s: at least %.1f of the ideal up to %s; bends at %s (%.2f of the ideal): %s; %s", op,
                        GOAL, hosts(good), hosts(bend.hosts()), bend.efficiency(), saturated(bend, cores), load(bend, cores)));
            }
        });
        return lines;
    }

    /** What was at its limit at the point, by the figures: the machine's cores, or Redis's one core, or neither. */
    static String saturated(ScalePoint p, int cores) {
        if (p.machineBusy() >= SATURATED && p.machineBusy() >= p.redisMainCores()) {
            return String.format(Locale.ROOT, "the machine's CPU saturated first (%.0f %% of its %d cores busy)", 100 * p.machineBusy(), cores);
        }
        if (p.redisMainCores() >= SATURATED) {
            return String.format(Locale.ROOT, "the Redis primary saturated first (its main thread %.2f of a core)", p.redisMainCores());
        }
        return String.format(Locale.ROOT, "neither the machine (%.0f %% busy) nor Redis (%.2f core) at its limit by these figures", 100 * p.machineBusy(),
                p.redisMainCores());
    }

    static String load(ScalePoint p, int cores) {
        String byRole = p.roleCores().entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "machine %.0f %% busy of %d cores (cores by host kind: %s); Redis %.3f ms CPU/image, main thread %.2f core; "
                        + "NameNode %.1f RPCs/image (%s); ZooKeeper %.2f packets/image", 100 * p.machineBusy(), cores, byRole.isEmpty() ? "unknown" : byRole,
                p.redisCpuMsPerImage(), p.redisMainCores(), p.nameNodeRpcPerImage(), perImage(p.nameNodeOpsPerImage()), p.zooKeeperPacketsPerImage());
    }

    private static String hosts(int n) {
        return n + (n == 1 ? " host" : " hosts");
    }

    private static String commands(Map<String, Double> calls) {
        return calls.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder())).limit(3)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    private static String perImage(Map<String, Double> ops) {
        return ops.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }
}
