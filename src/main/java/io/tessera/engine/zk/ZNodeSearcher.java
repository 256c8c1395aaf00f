package io.tessera.engine.zk;

import io.tessera.engine.zk.ZkBulk.NodeRead;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;

/** One breadth-first search; nodes are read in pipelined batches, and cancellation is checked between batches. */
final class ZNodeSearcher {
    private static final int BATCH = 500;
    private static final int SNIPPET = 40;

    private final ZkAccess zk;
    private final CuratorFramework client;
    private final ZNodeSearch query;
    private final BooleanSupplier cancelled;
    private final String pathNeedle;
    private final String dataNeedle;
    private final List<ZNodeSearch.Hit> hits = new ArrayList<>();
    private int visited;

    ZNodeSearcher(ZkAccess zk, CuratorFramework client, ZNodeSearch query, BooleanSupplier cancelled) {
        this.zk = zk;
        this.client = client;
        this.query = query;
        this.cancelled = cancelled;
        this.pathNeedle = lower(query.pathContains());
        this.dataNeedle = lower(query.dataContains());
    }

    ZNodeSearch.Result run(String under) throws IOException {
        Deque<String> pending = new ArrayDeque<>(List.of(under));
        while (!pending.isEmpty()) {
            List<String> batch = new ArrayList<>();
            while (!pending.isEmpty() && batch.size() < BATCH) {
                batch.add(pending.poll());
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("search under " + under + " interrupted");
            }
            if (cancelled.getAsBoolean()) {
                return result("cancelled");
            }
            List<NodeRead> reads = dataNeedle == null ? ZkBulk.stat(zk, client, batch) : ZkBulk.read(zk, client, batch);
            for (NodeRead read : reads) {
                if (!read.exists()) {
                    continue;
                }
                if (visited++ >= query.maxNodes()) {
                    return result("looked at " + query.maxNodes() + " nodes");
                }
                match(read);
                if (hits.size() >= query.maxResults()) {
                    return result("found " + query.maxResults() + " matches");
                }
                if (read.stat().getNumChildren() > 0) {
                    zk.run(read.path(), () -> client.getChildren().forPath(read.path())).stream().sorted()
                            .forEach(name -> pending.add(ZKPaths.makePath(read.path(), name)));
                }
            }
        }
        return result(null);
    }

    private void match(NodeRead read) {
        boolean pathMatched = pathNeedle != null && read.path().toLowerCase(Locale.ROOT).contains(pathNeedle);
        String snippet = "";
        boolean dataMatched = false;
        if (dataNeedle != null && read.data() != null && !SecretNodes.isSecret(zk, read.path())) {
            String text = new String(read.data(), StandardCharsets.UTF_8);
            int at = text.toLowerCase(Locale.ROOT).indexOf(dataNeedle);
            if (at >= 0) {
                dataMatched = true;
                snippet = text.substring(Math.max(0, at - SNIPPET), Math.min(text.length(), at + dataNeedle.length() + SNIPPET));
            }
        }
        // Both criteria given: both must hold; one given: that one.
        boolean wanted = (pathNeedle == null || pathMatched) && (dataNeedle == null || dataMatched);
        if (wanted) {
            hits.add(new ZNodeSearch.Hit(read.path(), pathMatched, dataMatched, snippet));
        }
    }

    private ZNodeSearch.Result result(String stoppedEarly) {
        return new ZNodeSearch.Result(List.copyOf(hits), visited, stoppedEarly);
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.toLowerCase(Locale.ROOT);
    }
}
