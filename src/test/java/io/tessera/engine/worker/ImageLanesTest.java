package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One task's images side by side in a worker's lanes: never more at once than there are lanes, each taken back once, on the task's thread. */
@Timeout(30)
class ImageLanesTest {

    @Test
    void aSingleTasksImagesRunSideBySideInEveryLaneAndNeverInMore() throws Exception {
        try (ImageLanes lanes = new ImageLanes(2)) {
            AtomicInteger now = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch bothIn = new CountDownLatch(2);
            List<Integer> taken = new ArrayList<>();
            Thread caller = Thread.currentThread();
            List<Thread> takers = Collections.synchronizedList(new ArrayList<>());
            Consumer<Integer> take = i -> {
                takers.add(Thread.currentThread());
                taken.add(i);
            };
            try (ImageLanes.Batch<Integer> batch = lanes.batch()) {
                for (int i = 0; i < 6; i++) {
                    int image = i;
                    batch.start(() -> {
                        most.accumulateAndGet(now.incrementAndGet(), Math::max);
                        bothIn.countDown();
                        // the first two wait for each other: they can only both be here when they run side by side
                        assertTrue(bothIn.await(10, TimeUnit.SECONDS), "the second lane never started");
                        Thread.sleep(20);
                        now.decrementAndGet();
                        return image;
                    }, take);
                }
                batch.finish(take);
                assertNull(batch.failure());
            }
            assertEquals(2, most.get(), "two lanes: two images at once, never three");
            Collections.sort(taken);
            assertEquals(List.of(0, 1, 2, 3, 4, 5), taken, "each image taken back exactly once");
            takers.forEach(t -> assertSame(caller, t, "images are taken back on the task's own thread"));
        }
    }

    @Test
    void aFailureStopsTheRestFromStartingLetsThoseUnderWayEndAndIsKeptAsThrown() throws Exception {
        try (ImageLanes lanes = new ImageLanes(2)) {
            StoreException storage = new StoreException(StoreException.Problem.FAILED, "/in/a.jpg", "HDFS unreachable", new IOException("connection refused"));
            CountDownLatch failed = new CountDownLatch(1);
            CountDownLatch secondRunning = new CountDownLatch(1);
            AtomicInteger started = new AtomicInteger();
            List<String> taken = new ArrayList<>();
            try (ImageLanes.Batch<String> batch = lanes.batch()) {
                batch.start(() -> {
                    started.incrementAndGet();
                    try {
                        assertTrue(secondRunning.await(10, TimeUnit.SECONDS)); // fails once the second is under way
                        throw storage;
                    } finally {
                        failed.countDown();
                    }
                }, taken::add);
                batch.start(() -> {
                    started.incrementAndGet();
                    secondRunning.countDown();
                    assertTrue(failed.await(10, TimeUnit.SECONDS));
                    Thread.sleep(50);
                    return "under way";
                }, taken::add);
                assertTrue(failed.await(10, TimeUnit.SECONDS));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!batch.failed() && System.nanoTime() < deadline) {
                    batch.start(() -> {
                        started.incrementAndGet();
                        return "after the failure";
                    }, taken::add); // takes the failure back first, then starts nothing more
                }
                assertTrue(batch.failed());
                AtomicInteger ranAfter = new AtomicInteger();
                batch.start(() -> {
                    ranAfter.incrementAndGet();
                    return "never";
                }, taken::add);
                batch.finish(taken::add);
                assertSame(storage, batch.failure(), "the first failure as it was thrown");
                assertTrue(taken.contains("under way"), "the image under way ended and was taken back");
                assertFalse(taken.contains("never"));
                assertEquals(0, ranAfter.get(), "nothing starts once the failure was seen");
            }
        }
    }

    @Test
    void closingABatchInterruptsItsImagesUnderWayAndGivesTheirLanesBack() throws Exception {
        try (ImageLanes lanes = new ImageLanes(1)) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            try (ImageLanes.Batch<String> batch = lanes.batch()) {
                batch.start(() -> {
                    running.countDown();
                    try {
                        Thread.sleep(60_000);
                        return "slept";
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                }, s -> { });
                assertTrue(running.await(10, TimeUnit.SECONDS));
            }
            assertTrue(interrupted.await(10, TimeUnit.SECONDS), "closing the batch interrupted its image");
            List<String> taken = new ArrayList<>();
            try (ImageLanes.Batch<String> next = lanes.batch()) {
                next.start(() -> "next", taken::add); // the one lane is free again
                next.finish(taken::add);
                assertNull(next.failure());
            }
            assertEquals(List.of("next"), taken);
        }
    }

    @Test
    void whenSeveralFailTheFailureKeptIsTheFirstStartedImagesWhicheverEndedFirst() throws Exception {
        try (ImageLanes lanes = new ImageLanes(2)) {
            IllegalStateException first = new IllegalStateException("first image");
            IllegalStateException second = new IllegalStateException("second image");
            CountDownLatch secondThrew = new CountDownLatch(1);
            try (ImageLanes.Batch<String> batch = lanes.batch()) {
                batch.start(() -> {
                    assertTrue(secondThrew.await(10, TimeUnit.SECONDS));
                    Thread.sleep(20);
                    throw first;
                }, s -> { });
                batch.start(() -> {
                    try {
                        throw second;
                    } finally {
                        secondThrew.countDown();
                    }
                }, s -> { });
                batch.finish(s -> { });
                assertSame(first, batch.failure());
            }
        }
    }

    @Test
    void anInterruptedImageIsAFailureOfItsBatch() throws Exception {
        try (ImageLanes lanes = new ImageLanes(1)) {
            try (ImageLanes.Batch<String> batch = lanes.batch()) {
                batch.start(() -> {
                    throw new InterruptedException("stopped");
                }, s -> { });
                batch.finish(s -> { });
                assertInstanceOf(InterruptedException.class, batch.failure());
            }
        }
    }
}
