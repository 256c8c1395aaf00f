package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.health.ZooKeeperFigures;
import io.tessera.engine.health.ZooKeeperMember;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.data.Stat;

/** ZooKeeper health: a session, the Tessera root (and whether we may read it), and each server's own figures ({@link ZooKeeperMembers}). */
final class ZooKeeperProbe implements ServiceProbe {
    @Override
    public ServiceKind service() {
        return ServiceKind.ZOOKEEPER;
    }

    @Override
    public ServiceHealth probe(ConnectionTarget target, Duration timeout) throws Exception {
        long began = System.nanoTime();
        Optional<IOException> refused = RefusedEverywhere.check(ZooKeeperAddress.serversOf(target.zooKeeperConnect()), timeout);
        if (refused.isPresent()) {
            throw refused.get(); // the client would only have retried until the timeout
        }
        try (CuratorFramework client = ClientFactory.curator(target, timeout, new RetryNTimes(0, 0))) {
            client.start();
            if (!client.blockUntilConnected((int) timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                TimeoutException none = new TimeoutException("no server of " + target.zooKeeperConnect() + " answered");
                throw TransportMismatch.zooKeeper(target, none, timeout);
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("Connect string", target.zooKeeperConnect() + (target.zooKeeperTlsOn() ? " (TLS)" : ""));
            String root = "/" + (target.zooKeeperNamespace() == null ? "" : target.zooKeeperNamespace());
            // the root by its absolute path: through the namespace, Curator would first create it (a probe changes
            // nothing), and log an ERROR should the probe be interrupted meanwhile (a console quitting)
            CuratorFramework absolute = client.usingNamespace(null);
            Stat stat = absolute.checkExists().forPath(root);
            String rootSummary;
            if (stat == null) {
                rootSummary = root + " not created yet";
            } else {
                int children = absolute.getChildren().forPath(root).size();
                rootSummary = root + " has " + children + (children == 1 ? " child" : " children");
            }
            details.put("Root", rootSummary);
            details.put("Session", "0x" + Long.toHexString(client.getZookeeperClient().getZooKeeper().getSessionId()));
            ZooKeeperFigures figures = ZooKeeperMembers.read(target.zooKeeperConnect(), target.zooKeeperTls(), timeout);
            String ensemble = describe(figures, details);
            long ms = (System.nanoTime() - began) / 1_000_000;
            boolean allAnswered = figures.members().stream().allMatch(ZooKeeperMember::answered);
            boolean someDown = figures.members().stream().anyMatch(m -> !m.answered() && !m.problem().contains("not allowed"));
            String summary = (ensemble == null ? "connected" : ensemble) + ", " + rootSummary;
            return new ServiceHealth(service(), someDown ? ServiceHealth.State.DEGRADED : ServiceHealth.State.UP,
                    allAnswered || !someDown ? summary : summary + " (a server is down)", details, ms, Instant.now(), figures);
        }
    }

    /** Adds the servers' own figures to the card; returns "standalone", "leader + 2 followers" and the like, or null. */
    private static String describe(ZooKeeperFigures figures, Map<String, String> details) {
        List<ZooKeeperMember> answered = figures.members().stream().filter(ZooKeeperMember::answered).toList();
        if (answered.isEmpty()) {
            details.put("Servers", figures.members().getFirst().problem());
            return null;
        }
        ZooKeeperMember first = answered.getFirst();
        if (first.version() != null) {
            details.put("Version", first.version());
        }
        Map<String, Long> modes = new TreeMap<>();
        answered.forEach(m -> modes.merge(m.mode() == null ? "unknown" : m.mode(), 1L, Long::sum));
        String ensemble = modes.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getValue() + " " + e.getKey() + "s")
                .collect(Collectors.joining(" + "));
        details.put("Mode", ensemble);
        if (first.znodes() >= 0) {
            details.put("Nodes", Long.toString(first.znodes()));
        }
        figures.slowest().filter(m -> m.averageLatencyMillis() >= 0).ifPresent(m -> details.put("Latency avg/max",
                String.format(Locale.ROOT, "%.1f / %d ms", m.averageLatencyMillis(), m.maxLatencyMillis())));
        long outstanding = answered.stream().mapToLong(ZooKeeperMember::outstandingRequests).filter(n -> n >= 0).sum();
        details.put("Outstanding requests", Long.toString(outstanding));
        return ensemble;
    }

    @Override
    public String endpoint(ConnectionTarget target) {
        return target.zooKeeperConnect();
    }
}
