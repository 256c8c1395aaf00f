package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.events.JobCounts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The job bench looks rarely while a job runs and every 20 ms near its end, never later than the end would come. */
class JobEndWatchTest {
    private static final long MS = 1_000_000;
    private final AtomicLong now = new AtomicLong(0);
    private final JobEndWatch watch = new JobEndWatch(now::get);

    @Test
    void looksOftenUntilProgressShowsThenAfterHalfTheTimeLeftLessTheReportingLag() {
        assertEquals(JobEndWatch.CLOSE, watch.apply(null), "no answer yet");
        now.set(200 * MS);
        assertEquals(JobEndWatch.CLOSE, watch.apply(status(1000, 0)), "nothing reported yet: no rate to go by");

        now.set(1000 * MS); // 100 images in 1 s: 10 ms each, 900 left = 9 s, less the lag 250 ms, halved: capped at 500 ms
        assertEquals(JobEndWatch.MOST, watch.apply(status(1000, 100)));

        now.set(9000 * MS); // 900 images in 9 s, 100 left = 1 s: (1000 - 250) / 2
        assertEquals(Duration.ofMillis(375), watch.apply(status(1000, 900)));

        now.set(9800 * MS); // 980 in 9.8 s, 20 left = 200 ms, within the lag: look again soon
        assertEquals(JobEndWatch.CLOSE, watch.apply(status(1000, 980)));
    }

    @Test
    void aLookNeverLandsAfterTheEndWhenTheReportedCountTrailsByTheLag() {
        // images take 10 ms each; the reported count trails the real one by 250 ms (25 images)
        for (long realDone = 30; realDone < 1000; realDone += 10) {
            now.set(realDone * 10 * MS);
            long reported = Math.max(0, realDone - 25);
            long wait = watch.apply(status(1000, reported)).toMillis();
            long realLeft = (1000 - realDone) * 10;
            assertTrue(wait <= Math.max(realLeft, JobEndWatch.CLOSE.toMillis()),
                    "at " + realDone + " images done the next look in " + wait + " ms, the job ends in " + realLeft + " ms");
        }
    }

    private static JobStatus status(long images, long processed) {
        return new JobStatus("bench", JobState.RUNNING, new JobCounts(images / 10, images, processed / 10, processed, 0, 0, 0, 0), null, null, null);
    }
}
