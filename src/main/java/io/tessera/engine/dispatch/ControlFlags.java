package io.tessera.engine.dispatch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The cancel/pause flags of jobs, read from their control hashes and reused for a short time, so that
 * checking between images costs at most one small read per job and interval, whatever the image rate.
 */
final class ControlFlags {
    record Flags(boolean cancelled, boolean paused, long readAtNanos) {}

    private final UnifiedJedis redis;
    private final DispatchKeys keys;
    private final long ttlNanos;
    private final Map<String, Flags> cache = new ConcurrentHashMap<>();

    ControlFlags(UnifiedJedis redis, DispatchKeys keys, long ttlMillis) {
        this.redis = redis;
        this.keys = keys;
        this.ttlNanos = ttlMillis * 1_000_000;
    }

    Flags of(String job) {
        Flags known = cache.get(job);
        if (known != null && System.nanoTime() - known.readAtNanos() < ttlNanos) {
            return known;
        }
        try {
            List<String> values = redis.hmget(keys.control(job), "cancel", "pause");
            Flags fresh = new Flags(values.get(0) != null, values.get(1) != null, System.nanoTime());
            cache.put(job, fresh);
            return fresh;
        } catch (JedisException unreachable) {
            // Redis is away: go on with what we knew (or "run"); the flags are read again next time.
            return known != null ? known : new Flags(false, false, 0);
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
