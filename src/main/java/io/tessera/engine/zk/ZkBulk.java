package io.tessera.engine.zk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.BackgroundCallback;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Reads many nodes at once by pipelining asynchronous requests on the one session (a bounded number in
 * flight) instead of one round trip after another: 5,000 shard nodes or a page of stats in one go.
 * Blocks until all answers are in, so never call it on ZooKeeper's event thread (e.g. directly in a
 * Curator callback): the answers arrive on that thread.
 */
public final class ZkBulk {
    private static final int IN_FLIGHT = 256;

    /** A node's data and stat; both null when the node vanished between listing and reading. */
    public record NodeRead(String path, byte[] data, Stat stat) {
        public boolean exists() {
            return stat != null;
        }
    }

    private ZkBulk() {}

    /** Data and stat of each path, in the order given. */
    public static List<NodeRead> read(ZkAccess zk, CuratorFramework client, List<String> paths) throws IOException {
        return run(zk, paths, (path, callback) -> client.getData().inBackground(callback).forPath(path));
    }

    /** Stat only (cheaper: no data travels), in the order given. */
    public static List<NodeRead> stat(ZkAccess zk, CuratorFramework client, List<String> paths) throws IOException {
        return run(zk, paths, (path, callback) -> client.checkExists().inBackground(callback).forPath(path));
    }

    @FunctionalInterface
    private interface Request {
        void send(String path, BackgroundCallback callback) throws Exception;
    }

    private static List<NodeRead> run(ZkAccess zk, List<String> paths, Request request) throws IOException {
        NodeRead[] results = new NodeRead[paths.size()];
        CountDownLatch done = new CountDownLatch(paths.size());
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicReference<Exception> failure = new AtomicReference<>();
        String current = null;
        try {
            for (int i = 0; i < paths.size(); i++) {
                int index = i;
                current = paths.get(i);
                inFlight.acquire();
                request.send(current, (client, event) -> {
                    record(event, paths.get(index), results, index, failure);
                    inFlight.release();
                    done.countDown();
                });
            }
            done.await();
        } catch (Exception e) {
            throw zk.translate(e, current);
        }
        if (failure.get() != null) {
            throw zk.translate(failure.get(), "");
        }
        return new ArrayList<>(Arrays.asList(results));
    }

    private static void record(CuratorEvent event, String path, NodeRead[] results, int index, AtomicReference<Exception> failure) {
        KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
        if (code == KeeperException.Code.OK) {
            results[index] = new NodeRead(path, event.getData(), event.getStat());
        } else if (code == KeeperException.Code.NONODE) {
            results[index] = new NodeRead(path, null, null);
        } else {
            failure.compareAndSet(null, KeeperException.create(code, event.getPath()));
        }
    }
}
