package io.tessera.engine.sim.scale;

import io.tessera.engine.sim.scale.ServerTexts.CommandStat;
import io.tessera.engine.sim.scale.ServerTexts.MachineTicks;
import io.tessera.engine.sim.scale.ServerTexts.RedisCpu;
import java.util.Map;

/**
 * The servers' counters at one moment ({@link LoadProbe} takes them): the machine's CPU ticks, the Redis primary's CPU and
 * commandstats, the NameNode's JMX numbers, each ZooKeeper server's packets received, and the CPU seconds of each kind of
 * sim host's processes (NameNode, DataNodes, ZooKeeper, Redis, Sentinels, workers). Two samples make a {@link JobLoad}.
 */
public record LoadSample(long nanos, MachineTicks machine, RedisCpu redisCpu, Map<String, CommandStat> redisCommands, Map<String, Double> nameNode,
                         long zooKeeperPackets, Map<String, Double> roleCpuSeconds) {
    public LoadSample {
        redisCommands = Map.copyOf(redisCommands);
        nameNode = Map.copyOf(nameNode);
        roleCpuSeconds = Map.copyOf(roleCpuSeconds);
    }
}
