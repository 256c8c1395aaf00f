package io.tessera.console.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events per second per key (a job, a worker), as a rate: the events whose own time falls in the
 * {@value #AVERAGE_SECONDS} s before each chart point, divided by that span. Counting by event time (each image's event
 * carries the time it was finished), not by when events reach the panel, and averaging over a window turn task-sized
 * reports (a worker reports 10–20 images at once) into the steady rate they add up to, instead of spikes and seconds of 0.
 * The window's oldest second counts only for the part of it inside the window, so the figure moves smoothly.
 *
 * <p>Images are reported when their task settles, seconds after they were made, so the newest seconds are not complete
 * yet: counting them would read as a rate falling off at the right edge. A key's points are drawn up to how late its
 * live events have been arriving lately (the largest delay between an event's time and its arrival over the last
 * {@value #LAG_SECONDS} s), and NaN (not drawn) after that; a key with no live events for that long is complete up to
 * now. Events replayed from the record (the backlog when the panel opens, a reconnect's catch-up) say nothing of that
 * delay and are only counted.
 */
final class RateSeries {
    static final int AVERAGE_SECONDS = 10;
    static final int LAG_SECONDS = 30;
    private static final int KEPT_SECONDS = ChartPoints.COUNT + AVERAGE_SECONDS + 1;

    private final Map<String, Key> keys = new HashMap<>();

    /** Per key: events per second of their own time, and the largest delay of those arriving in each second. */
    private record Key(SecondRing events, SecondRing lags) { }

    /**
     * One event of {@code key} with its own time {@code millis}, arriving at {@code nowMillis} (a time after now, from a
     * clock ahead of ours, counts as now); {@code live}: as it happened, not replayed from the record.
     */
    void count(String key, long millis, long nowMillis, boolean live) {
        long at = Math.min(millis, nowMillis);
        long second = Math.floorDiv(at, 1000);
        if (key == null || second <= Math.floorDiv(nowMillis, 1000) - KEPT_SECONDS) {
            return;
        }
        Key k = keys.computeIfAbsent(key, name -> new Key(new SecondRing(KEPT_SECONDS), new SecondRing(LAG_SECONDS + 1)));
        k.events.add(second, 1);
        if (live) {
            k.lags.raise(Math.floorDiv(nowMillis, 1000), nowMillis - at);
        }
    }

    /** The rate at each chart point ({@link ChartPoints}), oldest first; NaN for points whose window is not complete yet. */
    double[] rates(String key, long nowMillis) {
        Key k = keys.get(key);
        long[] ends = ChartPoints.ends(nowMillis);
        double[] rates = new double[ends.length];
        if (k != null) {
            long complete = nowMillis - lag(k.lags, nowMillis);
            for (int i = 0; i < ends.length; i++) {
                rates[i] = ends[i] > complete ? Double.NaN : rateAt(k.events, ends[i]);
            }
        }
        return rates;
    }

    /** How late events of the key arrived at most over the last {@value #LAG_SECONDS} s. */
    private static long lag(SecondRing lags, long nowMillis) {
        long now = Math.floorDiv(nowMillis, 1000);
        long most = 0;
        for (long second = now - LAG_SECONDS + 1; second <= now; second++) {
            most = Math.max(most, lags.at(second));
        }
        return most;
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
        for (Map.Entry<String, Key> e : keys.entrySet()) {
            long total = 0;
            for (long second = now - ChartPoints.COUNT - AVERAGE_SECONDS; second <= now; second++) {
                total += e.getValue().events.at(second);
            }
            if (total > 0) {
                totals.add(Map.entry(e.getKey(), total));
            }
        }
        totals.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return totals.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    void clear() {
        keys.clear();
    }
}
