package io.tessera.engine.zk;

import static org.junit.jupiter.api.Assertions.fail;

import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ConnectionTarget;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.ZooKeeper;

/** Clients for the in-process test servers, built the way the engine builds them, plus polling and session expiry. */
public final class ZooKeeperTesting {
    private ZooKeeperTesting() {}

    /** A fresh chroot per test keeps tests on one server apart. */
    public static String freshChroot() {
        return "/tessera-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ConnectionTarget target(String connectString, String chroot, String user, String password) {
        return new ConnectionTarget("test", "hdfs://127.0.0.1:1", null, null, connectString, chroot,
                user, password == null ? null : password.toCharArray(), "redis://127.0.0.1:1", null, null, false);
    }

    /** A started, connected client of {@code target} (through {@link ClientFactory}, ACL provider included). */
    public static ZkAccess connect(ConnectionTarget target) throws InterruptedException {
        CuratorFramework client = ClientFactory.curator(target, Duration.ofSeconds(10), new ExponentialBackoffRetry(100, 10, 1_000));
        client.start();
        if (!client.blockUntilConnected(15, TimeUnit.SECONDS)) {
            fail("no connection to " + target.zooKeeperConnect());
        }
        return new ZkAccess(client, target.hasZooKeeperCredentials());
    }

    public static ZkAccess connect(String connectString, String chroot) throws InterruptedException {
        return connect(target(connectString, chroot, null, null));
    }

    /** Polls until the condition holds; fails with {@code what} after the timeout. */
    public static void await(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(25);
        }
        fail("timed out after " + timeout.toMillis() + " ms waiting until " + what + (last == null ? "" : " (last error: " + last + ")"));
    }

    /**
     * Expires the client's session on the server, as a long network partition would: a second
     * connection joins the same session and closes it. (curator-test's KillSession only fakes the
     * expiry on the client side, leaving the server's ephemeral nodes until the session times out.)
     */
    public static void expireSession(CuratorFramework client, String connectString) throws Exception {
        ZooKeeper zk = client.getZookeeperClient().getZooKeeper();
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper twin = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getState() == org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, zk.getSessionId(), zk.getSessionPasswd());
        try {
            if (!connected.await(10, TimeUnit.SECONDS)) {
                fail("could not join session 0x" + Long.toHexString(zk.getSessionId()));
            }
        } finally {
            twin.close();
        }
    }
}
