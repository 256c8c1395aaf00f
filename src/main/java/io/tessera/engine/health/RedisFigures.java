package io.tessera.engine.health;

import java.util.List;
import java.util.Map;

/**
 * Redis from its INFO and SLOWLOG: role and replication ({@code masterLink} is the replica's link to its primary, null
 * on a primary), memory, clients, throughput, keys per database, persistence (with {@code persistenceProblem} set when
 * the last save or append failed) and the slowest recent commands.
 */
public record RedisFigures(String role, List<String> replicas, String masterLink, long usedMemory, long peakMemory,
                           long maxMemory, double fragmentation, long clients, long blockedClients, long opsPerSecond,
                           Map<String, Long> keysPerDatabase, String persistence, String persistenceProblem,
                           List<SlowCommand> slowlog) implements ServiceDetail {

    public RedisFigures {
        replicas = List.copyOf(replicas);
        keysPerDatabase = Map.copyOf(keysPerDatabase);
        slowlog = List.copyOf(slowlog);
    }

    public long keys() {
        return keysPerDatabase.values().stream().mapToLong(Long::longValue).sum();
    }
}
