package io.tessera.engine.thumbs;

import io.tessera.engine.Reasons;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The thumbnail cache every console of a cluster shares: binary values with a TTL, so a second operator
 * browsing the same set gets thumbnails without decoding a photo. A failure (only lasting ones are put here, see
 * {@link ThumbnailFailures}) is kept for a shorter time than a thumbnail. Redis trouble is a cache miss, logged once.
 */
public final class RedisThumbnailCache implements ThumbnailCache {
    private static final Logger LOG = LoggerFactory.getLogger(RedisThumbnailCache.class);

    private final UnifiedJedis redis;
    private final long ttlSeconds;
    private final long failureTtlSeconds;
    private volatile boolean warned;

    /** @param failureTtl how long a (lasting) failure is kept */
    public RedisThumbnailCache(UnifiedJedis redis, Duration ttl, Duration failureTtl) {
        this.redis = redis;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.failureTtlSeconds = Math.max(1, failureTtl.toSeconds());
    }

    /** The shared cache in a profile's Redis, kept {@code ttl} (failures as below). */
    public static RedisThumbnailCache of(io.tessera.engine.connect.ClusterConnection connection, Duration ttl) {
        return new RedisThumbnailCache(connection.redis(), ttl);
    }

    /** Failures are kept for {@link ThumbnailSettings#DEFAULT}'s failure time, or {@code ttl} when that is shorter. */
    public RedisThumbnailCache(UnifiedJedis redis, Duration ttl) {
        this(redis, ttl, ttl.compareTo(ThumbnailSettings.DEFAULT.failureTtl()) < 0 ? ttl : ThumbnailSettings.DEFAULT.failureTtl());
    }

    @Override
    public Optional<ThumbnailResult> get(ThumbnailKey key) {
        try {
            byte[] value = redis.get(key.redisKey());
            return value == null ? Optional.empty() : ThumbnailCodec.decode(value, ThumbnailResult.Origin.SHARED_CACHE);
        } catch (RuntimeException e) {
            warn(e);
            return Optional.empty();
        }
    }

    @Override
    public void put(ThumbnailKey key, ThumbnailResult result) {
        try {
            redis.setex(key.redisKey(), result instanceof ThumbnailResult.Failed ? failureTtlSeconds : ttlSeconds, ThumbnailCodec.encode(result));
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    /** Forgets one thumbnail (a benchmark's fresh start; a changed file needs nothing: its key changes). */
    public void remove(ThumbnailKey key) {
        try {
            redis.del(key.redisKey());
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    private void warn(RuntimeException e) {
        if (!warned) {
            warned = true;
            LOG.warn("Shared thumbnail cache unavailable, making thumbnails locally: {}", Reasons.oneLine(e));
        }
    }
}
