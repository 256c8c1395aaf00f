package io.tessera.engine.dispatch;

import java.time.Duration;

/**
 * How dispatch behaves. {@link #defaults()} suits production; tests shorten the times.
 *
 * @param handlerThreads    tasks a consumer runs at once
 * @param prefetch          tasks read ahead beyond those running (kept in the consumer, pending in Redis)
 * @param block             longest blocking XREADGROUP
 * @param visibilityTimeout a delivered task idle this long (its worker stopped refreshing it) goes to another worker
 * @param maxAttempts       deliveries a task gets before it is dead-lettered
 * @param retryBackoff      delay before the 2nd attempt, doubled per attempt up to {@code retryBackoffMax}
 * @param resultsMaxLen     approximate cap of the results stream (XADD MAXLEN ~)
 * @param batchSize         tasks per enqueue script call when submitting, completions per pipeline when acknowledging
 * @param parkedLimit       tasks of paused jobs a consumer holds before it stops reading
 * @param controlCacheTtl   how long a job's cancel/pause flags are reused before they are read again
 * @param finishedJobTtl    for jobs submitted with these settings: how long the job's keys (hash, control, settled tasks,
 *                          shard tallies, failure records, dead letters) stay once it finished; zero: forever
 * @param deadMaxLen        approximate cap of the shared dead-letter stream (XADD MAXLEN ~): the oldest entries fall off
 *                          it, while each job's own dead-letter hash keeps its dead letters (listed and requeued from there)
 */
public record DispatchSettings(int handlerThreads, int prefetch, Duration block, Duration visibilityTimeout, int maxAttempts,
                               Duration retryBackoff, Duration retryBackoffMax, long resultsMaxLen, int batchSize,
                               int parkedLimit, Duration controlCacheTtl, Duration finishedJobTtl, long deadMaxLen) {

    public static DispatchSettings defaults() {
        return new DispatchSettings(Runtime.getRuntime().availableProcessors(), 16, Duration.ofSeconds(1), Duration.ofSeconds(60), 5,
                Duration.ofSeconds(2), Duration.ofMinutes(2), 100_000, 100, 10_000, Duration.ofMillis(250), Duration.ofDays(7), 10_000);
    }

    /** The shared streams' caps: results (events) and dead letters. */
    public DispatchSettings withStreamCaps(long results, long dead) {
        return new DispatchSettings(handlerThreads, prefetch, block, visibilityTimeout, maxAttempts, retryBackoff, retryBackoffMax,
                results, batchSize, parkedLimit, controlCacheTtl, finishedJobTtl, dead);
    }

    public DispatchSettings withHandlerThreads(int threads) {
        return new DispatchSettings(threads, prefetch, block, visibilityTimeout, maxAttempts, retryBackoff, retryBackoffMax,
                resultsMaxLen, batchSize, parkedLimit, controlCacheTtl, finishedJobTtl, deadMaxLen);
    }

    public DispatchSettings withPrefetch(int tasks) {
        return new DispatchSettings(handlerThreads, tasks, block, visibilityTimeout, maxAttempts, retryBackoff, retryBackoffMax,
                resultsMaxLen, batchSize, parkedLimit, controlCacheTtl, finishedJobTtl, deadMaxLen);
    }

    public DispatchSettings withVisibilityTimeout(Duration timeout) {
        return new DispatchSettings(handlerThreads, prefetch, block, timeout, maxAttempts, retryBackoff, retryBackoffMax,
                resultsMaxLen, batchSize, parkedLimit, controlCacheTtl, finishedJobTtl, deadMaxLen);
    }

    public DispatchSettings withRetries(int attempts, Duration backoff, Duration backoffMax) {
        return new DispatchSettings(handlerThreads, prefetch, block, visibilityTimeout, attempts, backoff, backoffMax,
                resultsMaxLen, batchSize, parkedLimit, controlCacheTtl, finishedJobTtl, deadMaxLen);
    }

    /** Tasks per script call when submitting, completions per pipeline when acknowledging. */
    public DispatchSettings withBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch holds at least 1, not " + size);
        }
        return new DispatchSettings(handlerThreads, prefetch, block, visibilityTimeout, maxAttempts, retryBackoff, retryBackoffMax,
                resultsMaxLen, size, parkedLimit, controlCacheTtl, finishedJobTtl, deadMaxLen);
    }

    public DispatchSettings withFinishedJobTtl(Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("a finished job's keys cannot live a negative time");
        }
        return new DispatchSettings(handlerThreads, prefetch, block, visibilityTimeout, maxAttempts, retryBackoff, retryBackoffMax,
                resultsMaxLen, batchSize, parkedLimit, controlCacheTtl, ttl, deadMaxLen);
    }

    /** As the job hash keeps it: seconds (at least 1 when set at all), 0 for never. */
    public long finishedJobTtlSeconds() {
        return finishedJobTtl.isZero() ? 0 : Math.max(1, finishedJobTtl.toSeconds());
    }

    int maxInFlight() {
        return handlerThreads + prefetch;
    }

    long reclaimEveryMillis() {
        return Math.max(20, visibilityTimeout.toMillis() / 2);
    }

    /** Held tasks are refreshed well inside the visibility timeout, so a live worker never loses them. */
    long leaseEveryMillis() {
        return Math.max(10, visibilityTimeout.toMillis() / 3);
    }

    long promoteEveryMillis() {
        return Math.clamp(retryBackoff.toMillis() / 2, 20, 1_000);
    }

    /** Short enough that the read loop's housekeeping (leases, retries, reclaim) stays on time. */
    int blockMillis() {
        return (int) Math.max(10, Math.min(block.toMillis(), Math.min(leaseEveryMillis(), promoteEveryMillis())));
    }

    /** Delay before attempt {@code attempt + 1}: exponential, capped, with ±20 % jitter so retries spread. */
    long retryDelayMillis(int attempt) {
        double exact = Math.min(retryBackoffMax.toMillis(), retryBackoff.toMillis() * Math.pow(2, attempt - 1));
        return Math.round(exact * (0.8 + 0.4 * java.util.concurrent.ThreadLocalRandom.current().nextDouble()));
    }
}
