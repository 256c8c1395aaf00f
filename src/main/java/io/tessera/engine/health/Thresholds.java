package io.tessera.engine.health;

import java.time.Duration;

/**
 * Where a figure becomes an alert. The defaults follow the services' own guidance: HDFS warns below 10 % free,
 * a Redis fragmentation ratio above 1.5 wastes memory (ignored below 64 MB, where small heaps always look
 * fragmented), a ZooKeeper server queueing more than 10 requests or averaging over 100 ms is falling behind, and a
 * worker that has not published its figures (every 2 s) for 30 s has likely lost its session or hangs.
 */
public record Thresholds(double hdfsFreeWarning, double hdfsFreeCritical, long nameNodeCallMillis, long zooKeeperOutstanding,
                         double zooKeeperLatencyMillis, double redisFragmentation, long redisFragmentationFloorBytes,
                         double redisMemoryShare, Duration workerSilence) {

    public static final Thresholds DEFAULT = new Thresholds(0.10, 0.05, 500, 10, 100, 1.5, 64L << 20, 0.9, Duration.ofSeconds(30));
}
