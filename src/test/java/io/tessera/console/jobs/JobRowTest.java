package io.tessera.console.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.events.JobCounts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rate, ETA and progress of a job row from successive statuses. */
class JobRowTest {
    private static final Instant START = Instant.parse("2026-11-29T02:00:00Z");
    private static final long SECOND = 1_000_000_000L;

    private static JobStatus running(long done, long failed) {
        return new JobStatus("j", JobState.RUNNING, new JobCounts(10, 100, 0, done, failed, 0, 0, 0), START, START, null);
    }

    @Test
    void aYoungJobIsMeasuredSinceItsStartThenOverTheLastMinute() {
        JobRow row = new JobRow(running(10, 10), 0, START.plusSeconds(10));
        assertEquals(2.0, row.rateProperty().get(), 1e-9, "20 images in 10 s");
        assertEquals("40 s", row.etaText(), "80 left at 2/s");
        assertEquals("20 / 100", row.imagesText());
        assertEquals("10", row.failedText());
        assertEquals("0", new JobRow(running(20, 0), 0, START.plusSeconds(10)).failedText(), "none failed reads 0, not blank");
        assertEquals("17 min", new JobRow(running(1, 1), 0, START.plusSeconds(20)).etaText(), "98 left at 0.1/s: 980 s, in whole minutes up");
        assertEquals("2m 30s", new JobRow(running(40, 0), 0, START.plusSeconds(100)).etaText(), "60 left at 0.4/s: short enough for the column");
        assertEquals("1h 06m", new JobRow(running(1, 0), 0, START.plusSeconds(40)).etaText(), "99 left at 0.025/s: 3,960 s");
        assertEquals(0.2, row.progress(), 1e-9);
        // task-sized steps: no change for 20 s still averages since the start
        row.update(running(10, 10), 20 * SECOND, START.plusSeconds(30));
        assertEquals(20 / 30.0, row.rateProperty().get(), 1e-9);
        // over a minute of samples: the rate over them (30 images in 70 s), not since the start
        row.update(running(40, 10), 70 * SECOND, START.plusSeconds(80));
        assertEquals(30 / 70.0, row.rateProperty().get(), 1e-9);
        // older samples drop out once a newer one is a window old: 60 images from 20 s to 90 s
        row.update(running(70, 10), 90 * SECOND, START.plusSeconds(100));
        assertEquals(60 / 70.0, row.rateProperty().get(), 1e-9);
    }

    @Test
    void aFinishedJobIsMeasuredOverItsWholeRunAndHasNoEta() {
        JobStatus finished = new JobStatus("j", JobState.FINISHED, new JobCounts(10, 100, 10, 90, 10, 0, 0, 0), START, START,
                START.plus(Duration.ofSeconds(50)));
        JobRow row = new JobRow(finished, 0, START.plusSeconds(500));
        assertEquals(2.0, row.rateProperty().get(), 1e-9);
        assertEquals("", row.etaText());
        assertEquals(1.0, row.progress());
        assertTrue(row.rateText().equals("2.0"), row.rateText());
    }
}
