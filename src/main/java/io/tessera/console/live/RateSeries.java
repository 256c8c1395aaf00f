package io.tessera.console.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events per second per key (a job, a worker), as a rate: the events whose own time falls in the
 * {@value #AVERAGE_SECONDS} s before each chart point, divided by that span. Counting by event time, not by when events
 * reach the panel, and averaging over a window turn task-sized bursts (a worker reports 10–20 images at once) into the
 * steady rate they add up to, instead of spikes of 10 and seconds of 0. The window's oldest second counts only for the
 * part of it inside the window, so the figure moves smoothly as the window slides.
 */
final class RateSeries {
    static final int AVERAGE_SECONDS = 10;
    private static final int KEPT_SECONDS = ChartPoints.COUNT + AVERAGE_SECONDS + 1;

    private final Map<String, SecondRing> rings = new HashMap<>();

    /** One event of {@code key} at {@code millis} (a time after {@code nowMillis}, from a clock ahead of ours, counts as now). */
    void count(String key, long millis, long nowMillis) {
        long second = Math.floorDiv(Math.min(millis, nowMillis), 1000);
        if (key == null || second <= Math.floorDiv(nowMillis, 1000) - KEPT_SECONDS) {
            return;
        }
        rings.computeIfAbsent(key, k -> new SecondRing(KEPT_SECONDS)).add(second, 1);
    }

    /** The rate at each chart point ({@link ChartPoints}), oldest first. */
    double[] rates(String key, long nowMillis) {
        SecondRing ring = rings.get(key);
        long[] ends = ChartPoints.ends(nowMillis);
        double[] rates = new double[ends.length];
        if (ring != null) {
            for (int i = 0; i < ends.length; i++) {
                rates[i] = rateAt(ring, ends[i]);
            }
        }
        return rates;
    }

    /** Events per second in the window ending at {@code endMillis}. */
    static double rateAt(SecondRing ring, long endMillis) {
        long startMillis = endMillis - AVERAGE_SECONDS * 1000L;
        long oldest = Math.floorDiv(startMillis, 1000);
        long newest = Math.floorDiv(endMillis - 1, 1000);
        double events = 0;
        for (long second = oldest; second <= newest; second++) {
            // the oldest second only for its part after the window's start; the newest has every event up to the end
            double share = second == oldest ? ((second + 1) * 1000.0 - startMillis) / 1000.0 : 1;
            events += ring.at(second) * share;
        }
        return events / AVERAGE_SECONDS;
    }

    /** The keys with events in the charts' span, busiest first, at most {@code limit}. */
    List<String> busiest(long nowMillis, int limit) {
        long now = Math.floorDiv(nowMillis, 1000);
        List<Map.Entry<String, Long>> totals = new ArrayList<>();
        for (Map.Entry<String, SecondRing> e : rings.entrySet()) {
            long total = 0;
            for (long second = now - ChartPoints.COUNT - AVERAGE_SECONDS; second <= now; second++) {
                total += e.getValue().at(second);
            }
            if (total > 0) {
                totals.add(Map.entry(e.getKey(), total));
            }
        }
        totals.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return totals.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    void clear() {
        rings.clear();
    }
}
