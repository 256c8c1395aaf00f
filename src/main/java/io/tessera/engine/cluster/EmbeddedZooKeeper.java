package io.tessera.engine.cluster;

import io.tessera.engine.Reasons;
import io.tessera.engine.ServiceKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/** A real standalone ZooKeeper server in this JVM, with snapshots and logs kept in {@code dir}. */
final class EmbeddedZooKeeper implements EmbeddedService {
    private static final int TICK_MS = 2000;

    private final Path dir;
    private final int requestedPort;
    private ZooKeeperServer server;
    private ServerCnxnFactory connections;
    private String connectString;

    EmbeddedZooKeeper(Path dir, int requestedPort) {
        this.dir = dir;
        this.requestedPort = requestedPort;
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.ZOOKEEPER;
    }

    @Override
    public String start() throws ClusterStartException {
        // The health view asks `srvr`; four-letter words are off unless listed.
        if (System.getProperty("zookeeper.4lw.commands.whitelist") == null) {
            System.setProperty("zookeeper.4lw.commands.whitelist", "srvr,ruok,mntr");
        }
        int port = LoopbackPorts.claim("ZooKeeper", requestedPort);
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("log"));
            server = new ZooKeeperServer(dir.resolve("data").toFile(), dir.resolve("log").toFile(), TICK_MS);
            connections = ServerCnxnFactory.createFactory(new InetSocketAddress(LoopbackPorts.LOOPBACK, port), 200);
            connections.startup(server);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            close();
            throw new ClusterStartException("ZooKeeper did not start: " + Reasons.oneLine(e), e);
        }
        connectString = LoopbackPorts.LOOPBACK.getHostAddress() + ":" + connections.getLocalPort();
        return connectString;
    }

    String connectString() {
        return connectString;
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.shutdown();
            connections = null;
        }
        if (server != null) {
            server.shutdown();
            if (server.getZKDatabase() != null) {
                try {
                    server.getZKDatabase().close();
                } catch (IOException ignored) {
                    // closing the transaction log of a server that is already down
                }
            }
            server = null;
        }
    }
}
