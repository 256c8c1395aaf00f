package io.tessera.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A sampled figure holds until the next sample: no second without a sample reads as 0. */
class GaugeSeriesTest {
    private static final long NOW = 1_800_000_000_500L;

    @Test
    void samplesThatDriftAgainstTheSecondsNeverLeaveAGapOfZero() {
        GaugeSeries depth = new GaugeSeries();
        // a sampler that runs late: every 1.3 s, so some seconds get no sample at all
        long first = NOW - 40_000;
        long value = 7;
        for (long t = first; t <= NOW - 300; t += 1_300) {
            depth.set("running", t, value);
        }
        double[] values = depth.values("running", NOW);
        long[] ends = ChartPoints.ends(NOW);
        for (int i = 0; i < values.length; i++) {
            if (ends[i] < first) {
                assertTrue(Double.isNaN(values[i]), "no value before the first sample, not 0");
            } else {
                assertEquals(7.0, values[i], "the last sample holds at " + (i - values.length + 1) + " s");
            }
        }
    }

    @Test
    void theRightEdgeShowsTheLatestSampleAndAFigureNobodyReadsFadesOut() {
        GaugeSeries depth = new GaugeSeries();
        depth.set("queued", NOW - 30_000, 3);
        depth.set("queued", NOW - 2_000, 5);
        double[] values = depth.values("queued", NOW);
        assertEquals(5.0, values[ChartPoints.COUNT - 1], "the newest second has no sample of its own yet: the latest holds");
        assertEquals(3.0, values[ChartPoints.COUNT - 1 - 27]);
        assertTrue(Double.isNaN(values[ChartPoints.COUNT - 1 - 20]), "no sample for over " + GaugeSeries.HOLD_MILLIS + " ms: unknown, not 0");
        assertTrue(Double.isNaN(depth.values("unknown", NOW)[0]));
    }
}
