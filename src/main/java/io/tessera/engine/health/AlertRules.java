package io.tessera.engine.health;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.membership.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the latest health of the three services and the registered workers into alerts, worst first. */
public final class AlertRules {
    private final Thresholds limits;

    public AlertRules(Thresholds limits) {
        this.limits = limits;
    }

    /** {@code workers} is null when they could not be read (ZooKeeper down says so already). */
    public List<Alert> evaluate(Map<ServiceKind, ServiceHealth> health, List<WorkerInfo> workers, Instant now) {
        return evaluate(health, workers, -1, now);
    }

    /**
     * @param waitingTasks tasks queued and not yet handed to a worker, across all jobs; negative when not known
     */
    public List<Alert> evaluate(Map<ServiceKind, ServiceHealth> health, List<WorkerInfo> workers, long waitingTasks, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        health.values().forEach(service -> {
            if (service.state() == ServiceHealth.State.DOWN) {
                String name = service.service().displayName();
                String reason = service.summary().startsWith(name + ": ") ? service.summary().substring(name.length() + 2) : service.summary();
                alerts.add(critical(name, "down: " + reason));
            }
            switch (service.figures()) {
                case HdfsFigures hdfs -> hdfs(hdfs, alerts);
                case ZooKeeperFigures zk -> zooKeeper(zk, alerts);
                case RedisFigures redis -> redis(redis, alerts);
                case null -> { }
            }
        });
        if (workers != null) {
            workers(workers, now, alerts);
            if (workers.isEmpty() && waitingTasks > 0) {
                alerts.add(warning("Workers", waitingTasks + " task(s) wait and no worker is registered: start one (tessera worker) or turn the console's own on"));
            }
        }
        alerts.sort((a, b) -> b.severity().compareTo(a.severity()));
        return alerts;
    }

    private void hdfs(HdfsFigures hdfs, List<Alert> alerts) {
        String source = ServiceKind.HDFS.displayName();
        if (hdfs.safeMode()) {
            alerts.add(warning(source, "the NameNode is in safe mode: HDFS is read-only"));
        }
        double free = hdfs.capacity() <= 0 ? 1 : (double) hdfs.remaining() / hdfs.capacity();
        if (hdfs.capacity() > 0 && free < limits.hdfsFreeWarning()) {
            Alert.Severity severity = free < limits.hdfsFreeCritical() ? Alert.Severity.CRITICAL : Alert.Severity.WARNING;
            alerts.add(new Alert(severity, source, String.format(Locale.ROOT, "only %.1f %% of capacity is free", free * 100)));
        }
        if (hdfs.missingBlocks() > 0) {
            alerts.add(critical(source, hdfs.missingBlocks() + " missing block(s): files cannot be read in full"));
        }
        if (hdfs.corruptBlocks() > 0) {
            alerts.add(critical(source, hdfs.corruptBlocks() + " corrupt block(s)"));
        }
        if (hdfs.underReplicatedBlocks() > 0) {
            alerts.add(warning(source, hdfs.underReplicatedBlocks() + " under-replicated block(s)"));
        }
        for (DataNodeFigures node : hdfs.dataNodes()) {
            switch (node.state()) {
                case DEAD -> alerts.add(warning(source, "DataNode " + node.name() + " is dead (last heard " + node.lastContactSeconds() + " s ago)"));
                case STALE -> alerts.add(warning(source, "DataNode " + node.name() + " missed its heartbeats for " + node.lastContactSeconds() + " s"));
                default -> { }
            }
            if (node.failedVolumes() > 0) {
                alerts.add(warning(source, "DataNode " + node.name() + " has " + node.failedVolumes() + " failed volume(s)"));
            }
        }
        if (hdfs.rpcMillis() > limits.nameNodeCallMillis()) {
            alerts.add(warning(source, "the NameNode took " + hdfs.rpcMillis() + " ms to answer"));
        }
    }

    private void zooKeeper(ZooKeeperFigures zk, List<Alert> alerts) {
        String source = ServiceKind.ZOOKEEPER.displayName();
        for (ZooKeeperMember member : zk.members()) {
            if (!member.answered()) {
                if (!member.problem().contains("not allowed")) {
                    alerts.add(warning(source, "server " + member.address() + " " + member.problem()));
                }
                continue;
            }
            if (member.outstandingRequests() > limits.zooKeeperOutstanding()) {
                alerts.add(warning(source, "server " + member.address() + " has " + member.outstandingRequests() + " requests queued"));
            }
            if (member.averageLatencyMillis() > limits.zooKeeperLatencyMillis()) {
                alerts.add(warning(source, String.format(Locale.ROOT, "server %s answers in %.0f ms on average",
                        member.address(), member.averageLatencyMillis())));
            }
        }
    }

    private void redis(RedisFigures redis, List<Alert> alerts) {
        String source = ServiceKind.REDIS.displayName();
        if (redis.persistenceProblem() != null) {
            alerts.add(critical(source, redis.persistenceProblem()));
        }
        if (redis.masterLink() != null && !redis.masterLink().endsWith(" up")) {
            alerts.add(critical(source, "this replica's link to its primary is down (" + redis.masterLink() + ")"));
        }
        if (redis.maxMemory() > 0 && (double) redis.usedMemory() / redis.maxMemory() > limits.redisMemoryShare()) {
            alerts.add(warning(source, String.format(Locale.ROOT, "memory %.0f %% of maxmemory", 100.0 * redis.usedMemory() / redis.maxMemory())));
        }
        if (redis.fragmentation() > limits.redisFragmentation() && redis.usedMemory() > limits.redisFragmentationFloorBytes()) {
            alerts.add(warning(source, String.format(Locale.ROOT, "memory fragmentation %.2f", redis.fragmentation())));
        }
    }

    private void workers(List<WorkerInfo> workers, Instant now, List<Alert> alerts) {
        for (WorkerInfo worker : workers) {
            Instant last = worker.figures() == null ? worker.started() : worker.figures().updated();
            Duration silent = Duration.between(last, now);
            if (silent.compareTo(limits.workerSilence()) > 0) {
                alerts.add(warning("Workers", "worker " + worker.id() + " has not reported for " + silent.toSeconds() + " s"));
            }
        }
    }

    private static Alert warning(String source, String message) {
        return new Alert(Alert.Severity.WARNING, source, message);
    }

    private static Alert critical(String source, String message) {
        return new Alert(Alert.Severity.CRITICAL, source, message);
    }
}
