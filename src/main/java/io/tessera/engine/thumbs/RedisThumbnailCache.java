package io.tessera.engine.thumbs;

import io.tessera.engine.Reasons;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The thumbnail cache every console of a cluster shares: binary values with a TTL, so a second operator
 * browsing the same set gets thumbnails without decoding a photo. Redis trouble is a cache miss, logged once.
 */
public final class RedisThumbnailCache implements ThumbnailCache {
    private static final Logger LOG = LoggerFactory.getLogger(RedisThumbnailCache.class);

    private final UnifiedJedis redis;
    private final long ttlSeconds;
    private volatile boolean warned;

    public RedisThumbnailCache(UnifiedJedis redis, Duration ttl) {
        this.redis = redis;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
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
            redis.setex(key.redisKey(), ttlSeconds, ThumbnailCodec.encode(result));
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
