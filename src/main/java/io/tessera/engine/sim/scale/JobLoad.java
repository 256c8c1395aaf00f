package io.tessera.engine.sim.scale;

import io.tessera.engine.sim.scale.ServerTexts.CommandStat;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the servers spent on one job, per image, between the samples before and after it: the machine's busy share of all its
 * cores, the Redis primary's CPU (ms per image, and cores: CPU seconds over wall seconds; its main thread is what one Redis
 * can give at most one core to), its commands per image (the busiest by calls), NameNode RPCs per image and its file
 * operations per image, ZooKeeper packets per image (all servers), and the cores each kind of host's processes used.
 */
public record JobLoad(double machineBusy, double redisCpuMsPerImage, double redisCores, double redisMainCores, Map<String, Double> redisCallsPerImage,
                      double nameNodeRpcPerImage, Map<String, Double> nameNodeOpsPerImage, double zooKeeperPacketsPerImage,
                      Map<String, Double> roleCores) {
    /** The NameNodeActivity counters a job moves: files created, renamed, deleted, listed, looked up, blocks added and located. */
    static final List<String> NAMENODE_OPS = List.of("CreateFileOps", "FilesRenamed", "DeleteFileOps", "GetListingOps", "FileInfoOps",
            "AddBlockOps", "GetBlockLocations", "FilesCreated");
    static final String NAMENODE_RPC = "RpcProcessingTimeNumOps";
    private static final int TOP_COMMANDS = 5;

    public JobLoad {
        redisCallsPerImage = Map.copyOf(redisCallsPerImage);
        nameNodeOpsPerImage = Map.copyOf(nameNodeOpsPerImage);
        roleCores = Map.copyOf(roleCores);
    }

    public static JobLoad between(LoadSample before, LoadSample after, long images) {
        double wall = (after.nanos() - before.nanos()) / 1e9;
        long ticks = after.machine().total() - before.machine().total();
        double busy = ticks <= 0 ? Double.NaN : (double) (after.machine().busy() - before.machine().busy()) / ticks;
        double redisCpu = after.redisCpu().total() - before.redisCpu().total();
        double redisMain = after.redisCpu().mainThread() - before.redisCpu().mainThread();
        Map<String, Double> calls = new LinkedHashMap<>();
        after.redisCommands().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().calls() - before.redisCommands().getOrDefault(e.getKey(), new CommandStat(0, 0)).calls()))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_COMMANDS).forEach(e -> calls.put(e.getKey(), (double) e.getValue() / images));
        Map<String, Double> ops = new LinkedHashMap<>();
        for (String op : NAMENODE_OPS) {
            if (after.nameNode().containsKey(op)) {
                ops.put(op, (after.nameNode().get(op) - before.nameNode().getOrDefault(op, 0.0)) / images);
            }
        }
        double rpc = after.nameNode().getOrDefault(NAMENODE_RPC, Double.NaN) - before.nameNode().getOrDefault(NAMENODE_RPC, Double.NaN);
        Map<String, Double> cores = new LinkedHashMap<>();
        after.roleCpuSeconds().forEach((role, seconds) -> cores.put(role, Math.max(0, seconds - before.roleCpuSeconds().getOrDefault(role, 0.0)) / wall));
        return new JobLoad(busy, redisCpu * 1000 / images, redisCpu / wall, redisMain / wall, calls, rpc / images, ops,
                (double) (after.zooKeeperPackets() - before.zooKeeperPackets()) / images, cores);
    }
}
