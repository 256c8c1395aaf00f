package io.tessera.engine.security.tls;

import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.testing.JvmProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.client.FourLetterWordMain;

/**
 * A real ZooKeeper server (ZooKeeperServerMain, in a JVM of its own: ZooKeeper's server reads its TLS settings from
 * System properties) with a plain client port and a secure client port on Netty, its certificate signed by the test CA,
 * asking clients for certificates of that CA ({@code ssl.clientAuth=need}, ZooKeeper's default).
 */
public final class TlsZooKeeperServer implements AutoCloseable {
    private static final String HOST = InetAddress.getLoopbackAddress().getHostAddress();

    private final JvmProcess process;
    private final int plainPort;
    private final int securePort;

    private TlsZooKeeperServer(Path dir, TestCertificates certificates) throws IOException, InterruptedException {
        plainPort = freePort();
        securePort = freePort();
        Files.createDirectories(dir.resolve("data"));
        Path keyStore = dir.resolve("server-keystore.pem");
        Files.writeString(keyStore, Files.readString(certificates.certificate("server")) + Files.readString(certificates.key("server")));
        Path config = dir.resolve("zoo.cfg");
        Files.writeString(config, String.join("\n", "tickTime=2000", "dataDir=" + dir.resolve("data"), "clientPortAddress=" + HOST,
                "clientPort=" + plainPort, "secureClientPort=" + securePort, "secureClientPortAddress=" + HOST,
                "admin.enableServer=false", "4lw.commands.whitelist=srvr,ruok,mntr", ""));
        process = JvmProcess.main(dir, List.of("-Xmx128m",
                "-Dzookeeper.serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
                "-Dzookeeper.ssl.keyStore.location=" + keyStore, "-Dzookeeper.ssl.keyStore.type=PEM",
                "-Dzookeeper.ssl.trustStore.location=" + certificates.ca(), "-Dzookeeper.ssl.trustStore.type=PEM",
                "-Dzookeeper.ssl.clientAuth=need"),
                "org.apache.zookeeper.server.ZooKeeperServerMain", config.toString());
        awaitReady();
    }

    public static TlsZooKeeperServer start(Path dir, TestCertificates certificates) throws IOException, InterruptedException {
        return new TlsZooKeeperServer(dir, certificates);
    }

    public String secureConnect() {
        return HOST + ":" + securePort;
    }

    public String plainConnect() {
        return HOST + ":" + plainPort;
    }

    /** ZooKeeper alone (HDFS and Redis point nowhere) at {@code connect}, with these TLS files (null: plain). */
    public ConnectionTarget target(String connect, TlsConfig tls) {
        return new ConnectionTarget("tls-zookeeper", "hdfs://" + HOST + ":1", null, null, connect, "/tessera", null, null,
                "redis://" + HOST + ":1", null, null, false, false, null, tls);
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (answers()) {
                return;
            }
            if (!process.process().isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the TLS ZooKeeper server did not start: " + String.join("\n", process.output()));
            }
            Thread.sleep(100);
        }
    }

    private boolean answers() {
        try (Socket secure = new Socket()) {
            secure.connect(new InetSocketAddress(HOST, securePort), 500);
            return FourLetterWordMain.send4LetterWord(HOST, plainPort, "ruok", false, 1000).contains("imok");
        } catch (Exception notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
