package io.tessera.console.health;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.health.HdfsFigures;
import io.tessera.engine.health.RedisFigures;
import io.tessera.engine.health.ZooKeeperFigures;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures the dashboard charts, by name, from one round of health (a service that is down adds none). */
final class ChartedFigures {
    static final String IMAGES_PER_SECOND = "Images/s";
    static final String REDIS_OPS = "Redis ops/s";
    static final String NAMENODE_MS = "NameNode";
    static final String ZOOKEEPER_MS = "ZooKeeper";
    static final String REDIS_MB = "Redis memory";
    static final String HDFS_USED = "HDFS used";

    private ChartedFigures() {}

    static Map<String, Double> of(Map<ServiceKind, ServiceHealth> health, Double imagesPerSecond) {
        Map<String, Double> figures = new LinkedHashMap<>();
        if (imagesPerSecond != null) {
            figures.put(IMAGES_PER_SECOND, imagesPerSecond);
        }
        health.values().forEach(service -> {
            switch (service.figures()) {
                case HdfsFigures hdfs -> {
                    figures.put(NAMENODE_MS, (double) hdfs.rpcMillis());
                    figures.put(HDFS_USED, hdfs.usedShare() * 100);
                }
                case ZooKeeperFigures zk -> zk.slowest().ifPresent(m -> figures.put(ZOOKEEPER_MS, Math.max(0, m.averageLatencyMillis())));
                case RedisFigures redis -> {
                    figures.put(REDIS_OPS, (double) redis.opsPerSecond());
                    figures.put(REDIS_MB, redis.usedMemory() / 1048576.0);
                }
                case null -> { }
            }
        });
        return figures;
    }
}
