package io.tessera.engine.sim.scale;

import java.util.List;

/**
 * A job's images/s two ways. <em>Whole job</em>: images over the time from submission until the job settled (planning, the
 * first tasks' pick-up and the last tasks' tail included). <em>Steady</em>: the images finished between the 10th and the 90th
 * percentile of the IMAGE_DONE times (each stamped by its worker when the image was finished) over the time between those
 * two, i.e. the rate once every worker is busy and before the tail, where a scaling limit shows.
 */
public record Throughput(long images, double wholeSeconds, double wholePerSecond, double steadyPerSecond) {

    /** @param doneMillis the IMAGE_DONE times of the job's images, epoch ms, in any order */
    public static Throughput of(long images, double wholeSeconds, List<Long> doneMillis) {
        return new Throughput(images, wholeSeconds, images / wholeSeconds, steady(doneMillis));
    }

    /** NaN with fewer than 5 completions or none apart in time. */
    static double steady(List<Long> doneMillis) {
        long[] t = doneMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = t.length;
        if (n < 5) {
            return Double.NaN;
        }
        int from = (int) Math.round(0.1 * (n - 1));
        int to = (int) Math.round(0.9 * (n - 1));
        long span = t[to] - t[from];
        return to > from && span > 0 ? (to - from) / (span / 1000.0) : Double.NaN;
    }
}
