package io.tessera.engine.shard;

/**
 * How big a shard may get: at most {@code maxImages} images and at most {@code maxBytes} bytes; 0 means
 * no limit of that kind, and at least one must be set. A single image larger than {@code maxBytes}
 * still gets a shard of its own: images are never split.
 */
public record ShardLimits(int maxImages, long maxBytes) {
    public static final ShardLimits DEFAULT = new ShardLimits(1_000, 256L * 1024 * 1024);

    public ShardLimits {
        if (maxImages < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("shard limits cannot be negative");
        }
        if (maxImages == 0 && maxBytes == 0) {
            throw new IllegalArgumentException("set a limit on images or bytes per shard");
        }
    }

    int imageCap() {
        return maxImages == 0 ? Integer.MAX_VALUE : maxImages;
    }

    long byteCap() {
        return maxBytes == 0 ? Long.MAX_VALUE : maxBytes;
    }
}
