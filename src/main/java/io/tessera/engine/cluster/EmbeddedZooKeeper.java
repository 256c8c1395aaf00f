package io.tessera.engine.cluster;

import io.tessera.engine.Reasons;
import io.tessera.engine.ServiceKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.apache.zookeeper.server.NettyServerCnxnFactory;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.auth.ProviderRegistry;
import org.apache.zookeeper.server.auth.X509AuthenticationProvider;

/**
 * A real standalone ZooKeeper server in this JVM, with snapshots and logs kept in {@code dir}. Secured, it listens on a
 * secure client port only (Netty, TLS, client certificates of the local CA required). ZooKeeper's server reads its TLS
 * files only from System properties ({@code zookeeper.ssl.*}, at every connection): they are set while it runs and
 * cleared when it stops; Tessera's own ZooKeeper clients clear them from their per-connection settings.
 */
final class EmbeddedZooKeeper implements EmbeddedService {
    private static final int TICK_MS = 2000;
    private static final String X509_PROVIDER = "zookeeper.authProvider.x509";
    private static final Map<String, Function<LocalCertificates, String>> SERVER_TLS = Map.of(
            "zookeeper.ssl.keyStore.location", c -> c.serverKeyStore().toString(),
            "zookeeper.ssl.keyStore.type", c -> "PEM",
            "zookeeper.ssl.trustStore.location", c -> c.ca().toString(),
            "zookeeper.ssl.trustStore.type", c -> "PEM",
            "zookeeper.ssl.clientAuth", c -> "need");

    private final Path dir;
    private final int requestedPort;
    private final LocalCertificates tls;
    private ZooKeeperServer server;
    private ServerCnxnFactory connections;
    private String connectString;

    EmbeddedZooKeeper(Path dir, int requestedPort) {
        this(dir, requestedPort, null);
    }

    EmbeddedZooKeeper(Path dir, int requestedPort, LocalCertificates tls) {
        this.dir = dir;
        this.requestedPort = requestedPort;
        this.tls = tls;
    }

    @Override
    public boolean choosesItsPort() {
        return requestedPort == 0;
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
            if (tls == null) {
                connections = ServerCnxnFactory.createFactory(new InetSocketAddress(LoopbackPorts.LOOPBACK, port), 200);
            } else {
                SERVER_TLS.forEach((key, file) -> System.setProperty(key, file.apply(tls)));
                // the secure port authenticates each client by its certificate: the x509 provider must be registered
                System.setProperty(X509_PROVIDER, X509AuthenticationProvider.class.getName());
                ProviderRegistry.addOrUpdateProvider(X509_PROVIDER);
                connections = nettyFactory();
                connections.configure(new InetSocketAddress(LoopbackPorts.LOOPBACK, port), 200, -1, true);
            }
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

    /**
     * ZooKeeper makes its Netty factory only by name from the System property {@code zookeeper.serverCnxnFactory},
     * which every server started meanwhile in this JVM would read too: its constructor, called directly instead.
     */
    private static ServerCnxnFactory nettyFactory() throws IOException {
        try {
            var constructor = NettyServerCnxnFactory.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IOException("Cannot make ZooKeeper's Netty server: " + e, e);
        }
    }

    String connectString() {
        return connectString;
    }

    @Override
    public void close() {
        if (tls != null) {
            SERVER_TLS.keySet().forEach(System::clearProperty);
            System.clearProperty(X509_PROVIDER);
        }
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
