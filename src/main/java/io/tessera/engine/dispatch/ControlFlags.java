package io.tessera.engine.dispatch;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The cancel/pause flags of jobs, read from their control hashes and reused for a short time, so that
 * checking between images costs at most one small read per job and interval, whatever the image rate. A job known
 * paused whose flag is gone stays paused while its {@link PauseRecords durable record} says so.
 */
final class ControlFlags {
    /** @param held paused by the durable record while Redis has no flag */
    record Flags(boolean cancelled, boolean paused, boolean held, long readAtNanos) {}

    /** How long a pause kept by the record holds before both are read again: the record is a ZooKeeper read. */
    private static final long HELD_NANOS = 2_000_000_000L;

    private final UnifiedJedis redis;
    private final DispatchKeys keys;
    private final long ttlNanos;
    private final PauseRecords records;
    private final Map<String, Flags> cache = new ConcurrentHashMap<>();

    ControlFlags(UnifiedJedis redis, DispatchKeys keys, long ttlMillis, PauseRecords records) {
        this.redis = redis;
        this.keys = keys;
        this.ttlNanos = ttlMillis * 1_000_000;
        this.records = records;
    }

    Flags of(String job) {
        Flags known = cache.get(job);
        if (known != null && System.nanoTime() - known.readAtNanos() < (known.held() ? Math.max(ttlNanos, HELD_NANOS) : ttlNanos)) {
            return known;
        }
        try {
            List<String> values = redis.hmget(keys.control(job), "cancel", "pause");
            boolean cancelled = values.get(0) != null;
            boolean paused = values.get(1) != null;
            boolean held = !cancelled && !paused && known != null && known.paused() && stillPaused(job);
            Flags fresh = new Flags(cancelled, paused || held, held, System.nanoTime());
            cache.put(job, fresh);
            return fresh;
        } catch (JedisException unreachable) {
            // Redis is away: go on with what we knew (or "run"); the flags are read again next time.
            return known != null ? known : new Flags(false, false, false, 0);
        }
    }

    /** A resume clears the record before the flag, so a job resumed for real is never held here. */
    private boolean stillPaused(String job) {
        try {
            return records.isPaused(job);
        } catch (IOException | RuntimeException unreadable) {
            return true; // the record cannot be read now: hold (the next read tries again) rather than run a paused job
        }
    }

    JobControl controlFor(String job, long pollMillis) {
        return new JobControl() {
            @Override
            public boolean isCancelled() {
                return of(job).cancelled();
            }

            @Override
            public boolean isPaused() {
                return of(job).paused();
            }

            @Override
            public boolean proceed() throws InterruptedException {
                Flags flags = of(job);
                while (flags.paused() && !flags.cancelled()) {
                    Thread.sleep(pollMillis);
                    flags = of(job);
                }
                return !flags.cancelled();
            }
        };
    }
}
