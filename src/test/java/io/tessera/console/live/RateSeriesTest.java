package io.tessera.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rates averaged over a window by event time: a steady stream plots as its rate, whatever bursts it comes in. */
class RateSeriesTest {
    private static final long NOW = 1_800_000_000_123L;
    private static final long START = NOW - 60_000;

    @Test
    void imagesTimedOneByOnePlotAsTheirRateNotAsTheirTasks() {
        // a worker finishing 8 images a second, each event with its image's own time (however many are reported at once)
        assertAllWithinTenPercent(reports(125, 1, 7), 8.0);
    }

    @Test
    void tasksReportedWithOneTimeEachDoNotMakeSpikes() {
        // events of an older worker: a task of 5 images every half second, all 5 with the task's time: 10 images/s
        assertAllWithinTenPercent(reports(500, 5, 11), 10.0);
    }

    @Test
    void whileTasksAreStillRunningTheNewestSecondsAreLeftOutNotReadAsAFall() {
        RateSeries series = new RateSeries();
        // one thread making 2 images a second, reporting 10 at a time: each task's events arrive when it ends, 5 s after its first image
        long lastReport = 0;
        for (long task = START; task + 5_000 <= NOW; task += 5_000) {
            long arrives = task + 5_000;
            for (int i = 0; i < 10; i++) {
                series.count("job", task + 500 * (i + 1), arrives, true);
            }
            lastReport = arrives;
        }
        double[] rates = series.rates("job", NOW);
        long[] ends = ChartPoints.ends(NOW);
        int drawn = 0;
        for (int i = 0; i < rates.length; i++) {
            if (!Double.isNaN(rates[i]) && ends[i] - RateSeries.AVERAGE_SECONDS * 1000L >= START) {
                assertEquals(2.0, rates[i], 0.2, "a complete point at " + (i - rates.length + 1) + " s");
                drawn++;
            }
        }
        assertTrue(drawn >= 40, drawn + " points drawn");
        assertTrue(Double.isNaN(rates[rates.length - 1]), "the newest second waits for its task: not drawn as a drop");
        int lastDrawn = rates.length - 1;
        while (Double.isNaN(rates[lastDrawn])) {
            lastDrawn--;
        }
        assertTrue(NOW - ends[lastDrawn] <= 5_000 + (NOW - lastReport) + 1_000, "drawn up to about a task's time ago: " + (NOW - ends[lastDrawn]) + " ms");
        // the job is over: with no events for a while, the rate is known up to now and falls to 0
        long later = NOW + (RateSeries.LAG_SECONDS + RateSeries.AVERAGE_SECONDS) * 1000L;
        double[] after = series.rates("job", later);
        assertEquals(0.0, after[after.length - 1]);
    }

    /** The last minute of events: {@code images} at one time every {@code every} ms (±50 ms), rates as the chart plots them. */
    private static double[] reports(long every, int images, long seed) {
        RateSeries series = new RateSeries();
        Random jitter = new Random(seed);
        for (long t = START; t <= NOW; t += every) {
            long at = Math.min(NOW, t + jitter.nextInt(101) - 50);
            for (int i = 0; i < images; i++) {
                series.count("job", at, NOW, false);
            }
        }
        return series.rates("job", NOW);
    }

    /** Every point whose window lies inside the stream (the first 10 s ramp up: the average of a window half empty). */
    private static void assertAllWithinTenPercent(double[] rates, double rate) {
        assertEquals(ChartPoints.COUNT, rates.length);
        long[] ends = ChartPoints.ends(NOW);
        int checked = 0;
        for (int i = 0; i < rates.length; i++) {
            if (ends[i] - RateSeries.AVERAGE_SECONDS * 1000L >= START + 100) {
                assertEquals(rate, rates[i], rate * 0.1, "within ±10 % of the true rate at " + (i - rates.length + 1) + " s");
                checked++;
            }
        }
        assertTrue(checked >= 45, "checked " + checked + " points");
        assertEquals(0.0, rates[0], "before the stream: 0");
    }

    @Test
    void aSteadyStreamPlotsAsItsRateToTheRightEdge() {
        RateSeries series = new RateSeries();
        // 37 events a second, evenly spread, for the last 30 s, up to the moment the chart is drawn
        for (long t = NOW - 30_000; t <= NOW; t += 27) {
            series.count("w", t, NOW, false);
        }
        double[] rates = series.rates("w", NOW);
        for (int i = rates.length - 20; i < rates.length; i++) {
            assertEquals(1000.0 / 27, rates[i], 1000.0 / 27 * 0.02, "point " + (i - rates.length + 1));
        }
    }

    @Test
    void eventsFromAClockAheadCountAsNowAndTheBusiestKeysComeFirst() {
        RateSeries series = new RateSeries();
        for (int i = 0; i < 30; i++) {
            series.count("fast", NOW + 5_000, NOW, false);
        }
        for (int i = 0; i < 10; i++) {
            series.count("slow", NOW - 1_000, NOW, false);
        }
        series.count("gone", NOW - 600_000, NOW, false);
        assertEquals(3.0, series.rates("fast", NOW)[ChartPoints.COUNT - 1], 1e-9, "30 events in the last 10 s");
        assertEquals(java.util.List.of("fast", "slow"), series.busiest(NOW, 6), "an event older than the chart is not kept");
    }
}
