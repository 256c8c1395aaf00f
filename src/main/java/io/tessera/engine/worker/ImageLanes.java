package io.tessera.engine.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The images a worker has under way at once, over all its tasks, each in a lane of its own from its read through its
 * compute slot to its written output. A task's handler starts its images in lanes one after another rather than running
 * them itself, so that a task's images spread over every compute slot (the last task of a job no longer leaves all slots
 * but one idle while it runs image after image), and so that inputs are read and outputs written while other images
 * compute. Lanes are taken in the order asked for (fairly), so the tasks a worker holds take turns.
 *
 * <p>Lanes are platform threads: a computation pins its virtual thread's carrier in native code, which would hold up
 * the very reads and writes the lanes overlap with it.
 */
final class ImageLanes implements AutoCloseable {
    /** An idle lane's thread ends after this long (a worker between jobs holds no threads for them). */
    private static final long IDLE_SECONDS = 30;

    private final int count;
    private final Semaphore free;
    private final ThreadPoolExecutor threads;

    /** @param count images under way at once */
    ImageLanes(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one lane, not " + count);
        }
        this.count = count;
        this.free = new Semaphore(count, true);
        this.threads = new ThreadPoolExecutor(count, count, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("image-lane-", 1).factory());
        this.threads.allowCoreThreadTimeOut(true);
    }

    int count() {
        return count;
    }

    /** One task's images, started in lanes and taken back on the task's own thread. */
    <T> Batch<T> batch() {
        return new Batch<>();
    }

    /**
     * Images started in lanes and what became of them, handed to the caller on its own thread in the order they ended.
     * Once an image failed (threw), no more start: the caller waits for those under way ({@link #finish}) and
     * throws the {@link #failure} of the first image that failed. Closing cancels (interrupts) whatever is still under
     * way, for a caller that was interrupted or threw.
     */
    final class Batch<T> implements AutoCloseable {
        private final BlockingQueue<Future<T>> ended = new LinkedBlockingQueue<>();
        private final List<Future<T>> started = new ArrayList<>();
        private int untaken;
        private Throwable failure;
        private int failureIndex;

        /** True once an image threw: start no more. */
        boolean failed() {
            return failure != null;
        }

        /**
         * Waits for a free lane and starts {@code work} in it; while waiting, hands the images that end to {@code taken}.
         * Does nothing once an image failed.
         */
        void start(Callable<T> work, Consumer<T> taken) throws InterruptedException {
            while (failure == null && !free.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                takeEnded(taken);
            }
            if (failure != null) {
                return;
            }
            FutureTask<T> task = new FutureTask<>(work);
            try {
                threads.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        free.release();
                        ended.add(task);
                    }
                });
            } catch (RuntimeException e) {
                free.release();
                throw e;
            }
            started.add(task);
            untaken++;
            takeEnded(taken);
        }

        /** Waits for every image started and hands each to {@code taken} as it ends (failed ones are left out). */
        void finish(Consumer<T> taken) throws InterruptedException {
            while (untaken > 0) {
                take(ended.take(), taken);
            }
        }

        /** The failure of the first image (in the order started) that threw, as it was thrown; null when none failed. */
        Throwable failure() {
            return failure;
        }

        private void takeEnded(Consumer<T> taken) {
            for (Future<T> done = ended.poll(); done != null; done = ended.poll()) {
                take(done, taken);
            }
        }

        private void take(Future<T> done, Consumer<T> taken) {
            untaken--;
            try {
                taken.accept(done.get());
            } catch (ExecutionException e) {
                failed(done, e.getCause());
            } catch (InterruptedException | java.util.concurrent.CancellationException e) {
                failed(done, new InterruptedException("an image's lane was stopped"));
            }
        }

        /** Keeps the failure of the image started first, whichever ended first: the same images fail the same way. */
        private void failed(Future<T> done, Throwable thrown) {
            int index = started.indexOf(done);
            if (failure == null || index < failureIndex) {
                failure = thrown;
                failureIndex = index;
            }
        }

        /** Interrupts the images still under way (they stop at their next wait: a read, the compute slot, a write). */
        @Override
        public void close() {
            for (Future<T> task : started) {
                task.cancel(true);
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
