package io.tessera.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rates averaged over a window by event time: a steady stream plots as its rate, whatever bursts it comes in. */
class RateSeriesTest {
    private static final long NOW = 1_800_000_000_123L;

    @Test
    void imagesTimedOneByOnePlotAsTheirRateNotAsTheirTasks() {
        RateSeries series = new RateSeries();
        Random jitter = new Random(7);
        long start = NOW - 60_000;
        // a worker finishing 8 images a second (each event carries its image's own time), reported 10 at a time
        for (long t = start; t <= NOW; t += 125) {
            series.count("job", Math.min(NOW, t + jitter.nextInt(101) - 50), NOW);
        }
        assertAllWithinTenPercent(series.rates("job", NOW), 8.0, start);
    }

    @Test
    void tasksReportedWithOneTimeEachDoNotMakeSpikes() {
        RateSeries series = new RateSeries();
        Random jitter = new Random(11);
        long start = NOW - 60_000;
        // events of an older worker: a task of 5 images every half second, all 5 with the task's time: 10 images/s
        for (long t = start; t <= NOW; t += 500) {
            long at = Math.min(NOW, t + jitter.nextInt(101) - 50);
            for (int i = 0; i < 5; i++) {
                series.count("job", at, NOW);
            }
        }
        assertAllWithinTenPercent(series.rates("job", NOW), 10.0, start);
    }

    /** Every point whose window lies inside the stream (the first 10 s ramp up: the average of a window half empty). */
    private static void assertAllWithinTenPercent(double[] rates, double rate, long start) {
        assertEquals(ChartPoints.COUNT, rates.length);
        long[] ends = ChartPoints.ends(NOW);
        int checked = 0;
        for (int i = 0; i < rates.length; i++) {
            if (ends[i] - RateSeries.AVERAGE_SECONDS * 1000L >= start + 100) {
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
            series.count("w", t, NOW);
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
            series.count("fast", NOW + 5_000, NOW);
        }
        for (int i = 0; i < 10; i++) {
            series.count("slow", NOW - 1_000, NOW);
        }
        series.count("gone", NOW - 600_000, NOW);
        assertEquals(3.0, series.rates("fast", NOW)[ChartPoints.COUNT - 1], 1e-9, "30 events in the last 10 s");
        assertEquals(java.util.List.of("fast", "slow"), series.busiest(NOW, 6), "an event older than the chart is not kept");
    }
}
