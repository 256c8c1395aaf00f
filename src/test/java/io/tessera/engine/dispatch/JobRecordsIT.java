package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.JobCounts;
import io.tessera.engine.worker.JobSubmission;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A job's failure records and dead letters are complete whatever the shared streams' caps: each job keeps its own,
 * written in the same script that counts, read in pages, expiring with the job.
 */
class JobRecordsIT {
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void aHundredThousandImagesWithATenthFailingListEveryFailureWithItsReason() {
        // the shared results stream is capped far below the job's 100,000 image events: the records must not depend on it
        DispatchSettings settings = Dispatching.quick().withStreamCaps(1_000, 1_000);
        try (Dispatching d = Dispatching.onSharedRedis(settings)) {
            List<String> images = IntStream.range(0, 100_000).mapToObj(JobRecordsIT::image).toList();
            long t0 = System.nanoTime();
            d.dispatcher.submit("big", Task.batches("big", 0, images, 1_000, "{}", Priority.NORMAL));
            d.consumer("w1", (task, control) -> task.images().stream().map(JobRecordsIT::outcome).toList());
            JobStatus finished = awaitFinished(d, "big");
            System.out.printf("JobRecordsIT: 100,000 images settled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();

            assertEquals(new JobCounts(100, 100_000, 100, 90_000, 10_000, 0, 0, 0), finished.counts());
            assertTrue(d.redis.xlen(d.keys.events().results()) < 2_000, "the shared results stream kept only its cap");

            JobSubmission submission = new JobSubmission(d.connection, d.keys, settings);
            List<ImageOutcome.Failed> failures = submission.failures("big", Integer.MAX_VALUE);
            assertEquals(10_000, failures.size());
            Set<String> expected = IntStream.range(0, 100_000).filter(i -> i % 10 == 0).mapToObj(JobRecordsIT::image).collect(Collectors.toSet());
            assertEquals(expected, failures.stream().map(ImageOutcome.Failed::input).collect(Collectors.toSet()));
            assertTrue(failures.stream().allMatch(f -> f.reason().equals("unreadable: " + f.input())), failures.getFirst().toString());
            assertEquals(failures.subList(0, 3), submission.failures("big", 3), "in the order they failed, and the limit holds");

            JobRecords records = new JobRecords(d.redis, d.keys);
            assertEquals(10_000, records.failureCount("big"));
            List<ImageOutcome.Failed> paged = new ArrayList<>();
            String after = null;
            do {
                JobRecords.FailurePage page = records.failures("big", after, 3_000);
                paged.addAll(page.failures());
                after = page.next();
            } while (after != null);
            assertEquals(failures, paged, "pages join up with nothing missing or repeated");

            assertEquals(1_000, records.dhashes("big").size(), "every 100th image (all of them good) was made with dhash");
            List<List<String>> groups = submission.duplicates("big", 0);
            assertEquals(List.of(List.of(image(1), image(101))), groups.stream().filter(g -> g.contains(image(1))).toList());
            for (String key : List.of(d.keys.failures("big"), d.keys.dhashes("big"))) {
                long ttl = d.redis.ttl(key);
                assertTrue(ttl > 0 && ttl <= settings.finishedJobTtl().toSeconds(), key + " expires with the job: ttl " + ttl);
            }
            System.out.printf("JobRecordsIT: records read and checked in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        }
    }

    @Test
    void theSharedDeadLetterStreamIsCappedWhileEachJobKeepsAndRequeuesAllOfItsOwn() {
        DispatchSettings settings = Dispatching.quick().withRetries(1, Duration.ofMillis(20), Duration.ofMillis(20)).withStreamCaps(100_000, 100);
        try (Dispatching d = Dispatching.onSharedRedis(settings)) {
            List<String> images = IntStream.range(0, 600).mapToObj(JobRecordsIT::image).toList();
            d.dispatcher.submit("dead", Task.batches("dead", 0, images, 1, "{}", Priority.NORMAL));
            Set<String> healed = new HashSet<>();
            d.consumer("w1", (task, control) -> {
                if (!healed.contains(task.id())) {
                    throw new IOException("storage away for " + task.id());
                }
                return Dispatching.allDone(task);
            });
            JobStatus dead = awaitFinished(d, "dead");
            assertEquals(new JobCounts(600, 600, 0, 0, 0, 0, 600, 0), dead.counts());
            long shared = d.redis.xlen(d.keys.dead());
            assertTrue(shared < 600 && shared >= 100, "the shared stream is trimmed to about its cap, not " + shared);

            List<DeadLetter> letters = d.dispatcher.deadLetters("dead");
            assertEquals(600, letters.size(), "the job's own record has every one of them");
            DeadLetter first = letters.stream().filter(l -> l.task().id().equals("0-0")).findFirst().orElseThrow();
            assertEquals("storage away for 0-0", first.error());
            assertEquals(List.of(images.getFirst()), first.task().images());
            assertTrue(d.redis.ttl(d.keys.deadLetters("dead")) > 0, "expires with the finished job");

            letters.forEach(letter -> healed.add(letter.task().id()));
            assertEquals(600, d.dispatcher.requeueDeadLetters("dead"), "those trimmed from the shared stream too");
            assertEquals(0, d.dispatcher.requeueDeadLetters("dead"), "each once");
            JobStatus again = awaitFinished(d, "dead");
            assertEquals(new JobCounts(600, 600, 600, 600, 0, 0, 0, 0), again.counts());
            assertEquals(List.of(), d.dispatcher.deadLetters("dead"));
            assertEquals(0, d.redis.xlen(d.keys.dead()), "requeued letters leave the shared stream as well");
        }
    }

    private static JobStatus awaitFinished(Dispatching d, String job) {
        Await.until(PATIENCE, () -> d.status(job).state() == JobState.FINISHED, () -> d.status(job).toString());
        return d.status(job);
    }

    private static String image(int i) {
        return String.format("/in/big/img-%06d.jpg", i);
    }

    /** Every 10th image fails; every 100th (from 1 on: all good) carries a dhash, and images 1 and 101 share theirs. */
    private static ImageOutcome outcome(String input) {
        int i = Integer.parseInt(input.substring(input.lastIndexOf('-') + 1, input.lastIndexOf('.')));
        if (i % 10 == 0) {
            return ImageOutcome.failed(input, "unreadable: " + input);
        }
        Map<String, Object> metrics = i % 100 == 1 ? Map.of("dhash", String.format("%016x", (i == 101 ? 1L : i) * 0x9E3779B97F4A7C15L)) : Map.of("ms", 1);
        return ImageOutcome.done(input, input.replace("/in/", "/out/"), metrics);
    }
}
