package io.tessera.engine.dispatch.ceiling;

import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.bench.Medians;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The rounds of a {@link CeilingBenchmark}, as medians per contender and where Redis spent its time per task. */
public record CeilingReport(List<Contender> contenders, List<Measurement> measurements, Optional<LoadAverage> loadBefore,
                            Optional<LoadAverage> loadAfter) {
    private static final int TOP = 8;

    public double median(Contender contender, ToDoubleFunction<Measurement> figure) {
        return Medians.of(measurements.stream().filter(m -> m.contender().equals(contender)).map(figure::applyAsDouble).toList());
    }

    /** Median tasks per Redis-CPU-second over BullMQ's; NaN without BullMQ. */
    public double ratioToBullmq(Contender contender) {
        return contenders.contains(Contender.BULLMQ)
                ? median(contender, Measurement::tasksPerRedisSecond) / median(Contender.BULLMQ, Measurement::tasksPerRedisSecond)
                : Double.NaN;
    }

    /** Per task, over every round of the contender: each command's calls and microseconds. Scripts' figures include what they called. */
    public List<CommandStat> perTask(Contender contender) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        long tasks = 0;
        for (Measurement m : measurements) {
            if (m.contender().equals(contender)) {
                tasks += m.tasks();
                m.usage().commands().values().forEach(c -> {
                    long[] sum = sums.computeIfAbsent(c.name(), k -> new long[2]);
                    sum[0] += c.calls();
                    sum[1] += c.usec();
                });
            }
        }
        long n = Math.max(1, tasks);
        // hundredths of a call and of a microsecond per task, kept in the record's longs
        return sums.entrySet().stream().map(e -> new CommandStat(e.getKey(), e.getValue()[0] * 100 / n, e.getValue()[1] * 100 / n))
                .sorted(Comparator.comparingLong(CommandStat::usec).reversed()).limit(TOP).toList();
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-32s %12s %14s %16s %17s %16s%n", "contender", "tasks/s wall", "Redis µs/task",
                "tasks/Redis-CPU-s", "images/Redis-CPU-s", "× BullMQ/core"));
        for (Contender c : contenders) {
            out.append(String.format(Locale.ROOT, "%-32s %,12.0f %14.1f %,16.0f %,17.0f %16s%n", c.name(), median(c, Measurement::tasksPerSecond),
                    median(c, Measurement::redisMicrosPerTask), median(c, Measurement::tasksPerRedisSecond), median(c, Measurement::imagesPerRedisSecond),
                    Double.isNaN(ratioToBullmq(c)) ? "-" : String.format(Locale.ROOT, "%.2f", ratioToBullmq(c))));
        }
        out.append(String.format(Locale.ROOT, "medians of %d round(s); load average before %s, after %s%n",
                measurements.stream().mapToInt(Measurement::round).max().orElse(0), LoadAverage.text(loadBefore), LoadAverage.text(loadAfter)));
        out.append("Where Redis spends its time per task (INFO commandstats; calls and µs per task, a script's µs include the commands it ran):\n");
        for (Contender c : contenders) {
            out.append("  ").append(c.name()).append(":");
            for (CommandStat stat : perTask(c)) {
                out.append(String.format(Locale.ROOT, "  %s %.2f× %.2f µs", stat.name(), stat.calls() / 100.0, stat.usec() / 100.0));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
