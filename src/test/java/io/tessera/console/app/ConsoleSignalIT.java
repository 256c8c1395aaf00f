package io.tessera.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.json.Json;
import io.tessera.engine.cluster.ClusterEndpoints;
import io.tessera.engine.cluster.EmbeddedCluster;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.LogErrors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the terminal that started the console (a SIGINT to a real console JVM, headless; a SIGTERM where SIGINT is ignored): the console quits as
 * closing its window does, and ends with the signal's status. Its worker drains, its local cluster's servers stop listening and the endpoints
 * file is removed, so no other process finds a cluster that is gone.
 */
class ConsoleSignalIT {
    @Test
    void ctrlCStopsTheLocalClusterBeforeTheConsoleEnds(@TempDir Path home) throws Exception {
        Path endpointsFile = EmbeddedCluster.endpointsFile(AppDirectories.under(home).localCluster());
        try (JvmProcess console = JvmProcess.main(home, List.of("-Xmx768m", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dtessera.console.level=INFO"), ConsoleMain.class.getName())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(endpointsFile) && System.nanoTime() < deadline && console.process().isAlive()) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(endpointsFile), "the console started its local cluster: " + String.join("\n", console.output()));
            Thread.sleep(500); // the file is complete once renamed into place; give the console a moment past that
            ClusterEndpoints endpoints = Json.mapper().readValue(endpointsFile.toFile(), ClusterEndpoints.class);
            List<InetSocketAddress> servers = List.of(address(URI.create(endpoints.hdfsUri())), address(URI.create(endpoints.redisUri())),
                    address(URI.create("zk://" + endpoints.zooKeeperConnect().split(",")[0])));
            for (InetSocketAddress server : servers) {
                connect(server); // listening now
            }
            console.awaitLine(" started with ", Duration.ofSeconds(60)); // the console's own worker runs: it must drain

            long pid = console.process().pid();
            boolean term = interruptIgnored(pid);
            assertEquals(0, new ProcessBuilder("kill", term ? "-TERM" : "-INT", Long.toString(pid)).start().waitFor());

            assertTrue(console.process().waitFor(60, TimeUnit.SECONDS), "the console ended: " + String.join("\n", console.output()));
            assertEquals(term ? 143 : 130, console.process().exitValue(), "the signal's status");
            assertFalse(Files.exists(endpointsFile), "the endpoints file is removed: " + String.join("\n", console.output()));
            for (InetSocketAddress server : servers) {
                assertThrows(IOException.class, () -> connect(server), server + " stopped listening");
            }
            List<String> output = console.output();
            assertTrue(output.stream().anyMatch(line -> line.matches(".*Worker \\S+ stopped after \\d+ images done.*")),
                    "the console's worker drained first: " + String.join("\n", output));
            assertTrue(output.stream().noneMatch(line -> line.contains("did not stop cleanly")), String.join("\n", output));
            // quitting on the signal while the JVM runs as usual, not from a shutdown hook: before, the DataNode's
            // heartbeat thread died on Hadoop's "Shutdown in progress, cannot remove a shutdownHook" every time
            assertEquals(List.of(), LogErrors.in(home.resolve("logs/tessera.log")), "errors in the console's log");
        }
    }

    /**
     * Whether the process ignores SIGINT (its SigIgn mask in /proc): a JVM started from a background job of a
     * non-interactive shell inherits that, and then only a SIGTERM reaches the same shutdown path.
     */
    private static boolean interruptIgnored(long pid) throws IOException {
        String mask = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:")).findFirst().orElseThrow().substring("SigIgn:".length()).strip();
        return (Long.parseUnsignedLong(mask, 16) & 0x2) != 0;
    }

    private static InetSocketAddress address(URI uri) {
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static void connect(InetSocketAddress server) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 2000);
        }
    }
}
