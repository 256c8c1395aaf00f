package io.tessera.engine.sim.scale;

import io.tessera.engine.bench.Medians;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One op at one host count: the medians of its rounds, and how they compare with the ideal, {@code hosts / base hosts} times
 * the smallest host count's own median. Loads are medians over the rounds too.
 *
 * @param efficiency      steady images/s over the ideal steady images/s
 * @param wholeEfficiency whole-job images/s over its ideal
 */
public record ScalePoint(String op, int hosts, int rounds, long images, double steady, double whole, double idealSteady, double idealWhole,
                         double efficiency, double wholeEfficiency, double machineBusy, double redisCpuMsPerImage, double redisMainCores,
                         Map<String, Double> redisCallsPerImage, double nameNodeRpcPerImage, Map<String, Double> nameNodeOpsPerImage,
                         double zooKeeperPacketsPerImage, Map<String, Double> roleCores) {

    /** The points of every op and host count, in the order ops were given and by host count. */
    public static List<ScalePoint> of(List<ScaleJob.Run> runs) {
        Map<String, Map<Integer, List<ScaleJob.Run>>> byOp = new LinkedHashMap<>();
        for (ScaleJob.Run run : runs) {
            byOp.computeIfAbsent(run.op(), op -> new LinkedHashMap<>()).computeIfAbsent(run.hosts(), h -> new ArrayList<>()).add(run);
        }
        List<ScalePoint> points = new ArrayList<>();
        byOp.forEach((op, byHosts) -> {
            int base = new TreeSet<>(byHosts.keySet()).first();
            List<ScaleJob.Run> baseRuns = byHosts.get(base);
            double baseSteady = median(baseRuns, r -> r.throughput().steadyPerSecond());
            double baseWhole = median(baseRuns, r -> r.throughput().wholePerSecond());
            for (int hosts : new TreeSet<>(byHosts.keySet())) {
                List<ScaleJob.Run> at = byHosts.get(hosts);
                double steady = median(at, r -> r.throughput().steadyPerSecond());
                double whole = median(at, r -> r.throughput().wholePerSecond());
                double idealSteady = baseSteady * hosts / base;
                double idealWhole = baseWhole * hosts / base;
                points.add(new ScalePoint(op, hosts, at.size(), at.getFirst().throughput().images(), steady, whole, idealSteady, idealWhole,
                        steady / idealSteady, whole / idealWhole, median(at, r -> r.load().machineBusy()),
                        median(at, r -> r.load().redisCpuMsPerImage()), median(at, r -> r.load().redisMainCores()),
                        medians(at, r -> r.load().redisCallsPerImage()), median(at, r -> r.load().nameNodeRpcPerImage()),
                        medians(at, r -> r.load().nameNodeOpsPerImage()), median(at, r -> r.load().zooKeeperPacketsPerImage()),
                        medians(at, r -> r.load().roleCores())));
            }
        });
        return points;
    }

    private static double median(Collection<ScaleJob.Run> runs, Function<ScaleJob.Run, Double> figure) {
        return Medians.of(runs.stream().map(figure).filter(v -> !v.isNaN()).toList());
    }

    /** Per key, the median over the runs that have it; keys in the order the first run gives them. */
    private static Map<String, Double> medians(Collection<ScaleJob.Run> runs, Function<ScaleJob.Run, Map<String, Double>> figures) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        runs.forEach(run -> figures.apply(run).forEach((key, value) -> values.computeIfAbsent(key, k -> new ArrayList<>()).add(value)));
        Map<String, Double> medians = new LinkedHashMap<>();
        values.forEach((key, list) -> medians.put(key, Medians.of(list)));
        return medians;
    }
}
