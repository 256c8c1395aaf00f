package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.client.FourLetterWordMain;
import org.apache.zookeeper.data.Stat;

/** ZooKeeper health: a session, the Tessera root (and whether we may read it), and `srvr` when the server allows it. */
final class ZooKeeperProbe implements ServiceProbe {
    @Override
    public ServiceKind service() {
        return ServiceKind.ZOOKEEPER;
    }

    @Override
    public ServiceHealth probe(ConnectionTarget target, Duration timeout) throws Exception {
        long began = System.nanoTime();
        try (CuratorFramework client = ClientFactory.curator(target, timeout, new RetryNTimes(0, 0))) {
            client.start();
            if (!client.blockUntilConnected((int) timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("no server of " + target.zooKeeperConnect() + " answered");
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("Connect string", target.zooKeeperConnect());
            String root = "/" + (target.zooKeeperNamespace() == null ? "" : target.zooKeeperNamespace());
            Stat stat = client.checkExists().forPath("/");
            String rootSummary;
            if (stat == null) {
                rootSummary = root + " not created yet";
            } else {
                int children = client.getChildren().forPath("/").size();
                rootSummary = root + " has " + children + (children == 1 ? " child" : " children");
            }
            details.put("Root", rootSummary);
            details.put("Session", "0x" + Long.toHexString(client.getZookeeperClient().getZooKeeper().getSessionId()));
            String mode = srvr(target, timeout, details);
            long ms = (System.nanoTime() - began) / 1_000_000;
            String summary = (mode == null ? "connected" : mode) + ", " + rootSummary;
            return new ServiceHealth(service(), ServiceHealth.State.UP, summary, details, ms, Instant.now());
        }
    }

    /** Adds the server's own figures; returns its mode (standalone, leader, follower) or null. */
    private static String srvr(ConnectionTarget target, Duration timeout, Map<String, String> details) {
        String first = target.zooKeeperConnect().split(",")[0].strip();
        int colon = first.lastIndexOf(':');
        try {
            String answer = FourLetterWordMain.send4LetterWord(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)),
                    "srvr", false, (int) timeout.toMillis());
            if (answer.contains("not in the whitelist") || answer.contains("not executed")) {
                details.put("srvr", "not allowed by the server");
                return null;
            }
            String mode = null;
            for (String line : answer.split("\n")) {
                int sep = line.indexOf(':');
                if (sep < 0) {
                    continue;
                }
                String key = line.substring(0, sep).strip();
                String value = line.substring(sep + 1).strip();
                switch (key) {
                    case "Zookeeper version" -> details.put("Version", value.replaceFirst(",.*", ""));
                    case "Mode" -> mode = value;
                    case "Node count" -> details.put("Nodes", value);
                    case "Latency min/avg/max" -> details.put("Latency min/avg/max", roundedLatency(value));
                    case "Outstanding" -> details.put("Outstanding requests", value);
                    default -> { }
                }
            }
            if (mode != null) {
                details.put("Mode", mode);
            }
            return mode;
        } catch (Exception e) {
            details.put("srvr", "no answer (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    /** "0/16.9091/283" → "0 / 16.9 / 283 ms". */
    private static String roundedLatency(String value) {
        String[] parts = value.split("/");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty()) {
                out.append(" / ");
            }
            try {
                double ms = Double.parseDouble(part.strip());
                out.append(ms == Math.rint(ms) ? Long.toString((long) ms) : String.format(java.util.Locale.ROOT, "%.1f", ms));
            } catch (NumberFormatException e) {
                out.append(part.strip());
            }
        }
        return out + " ms";
    }

    @Override
    public String endpoint(ConnectionTarget target) {
        return target.zooKeeperConnect();
    }
}
