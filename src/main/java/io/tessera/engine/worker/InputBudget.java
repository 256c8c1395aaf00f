package io.tessera.engine.worker;

import java.util.concurrent.Semaphore;

/**
 * Bytes of input a worker's image lanes may hold at once. A worker runs more {@link ImageLanes lanes} than compute slots
 * so that reads and writes overlap computing; each lane holds one whole input from its read until its image is computed,
 * so without a bound the extra lanes would multiply what the largest inputs cost. A lane takes a share of the
 * budget as large as its file before reading it (waiting while others hold too much), and gives it back once the image
 * is computed. A file larger than the whole budget takes all of it. Waiting cannot deadlock: holders only go on to
 * compute, which needs a compute slot, never more budget.
 */
final class InputBudget {
    /** No bound (a handler that runs alone, and tests). */
    static final InputBudget UNLIMITED = new InputBudget(Long.MAX_VALUE);
    private static final int UNIT = 1024;

    private final Semaphore kilobytes;
    private final int total;

    /** @param bytes the most all lanes together hold */
    InputBudget(long bytes) {
        this.total = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / UNIT));
        this.kilobytes = new Semaphore(total, true);
    }

    /** A share for a file of {@code bytes}; waits while others hold the budget. */
    Lease take(long bytes) throws InterruptedException {
        int units = (int) Math.min(total, (bytes + UNIT - 1) / UNIT);
        kilobytes.acquire(units);
        return new Lease(units);
    }

    /** A share taken; closing gives it back (once). */
    final class Lease implements AutoCloseable {
        private int units;

        private Lease(int units) {
            this.units = units;
        }

        @Override
        public synchronized void close() {
            kilobytes.release(units);
            units = 0;
        }
    }
}
