package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.StopSignals;
import io.tessera.engine.cluster.ClusterEndpoints;
import io.tessera.engine.cluster.EmbeddedCluster;
import io.tessera.engine.cluster.LocalCertificates;
import io.tessera.engine.cluster.LocalClusterSettings;
import io.tessera.engine.cluster.StartupListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `tessera local`: the embedded cluster without a window, until Ctrl-C or SIGTERM. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Start the embedded local cluster (HDFS, ZooKeeper, Redis) headless and print where it listens.")
final class LocalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", description = "Folder for the cluster's data (default: the user's data folder, where the Local profile looks).")
    Path dataDir;

    @Option(names = "--hdfs-port", description = "NameNode RPC port; 0 for any free port (default: local-cluster.properties, else 0).")
    Integer hdfsPort;

    @Option(names = "--zookeeper-port", description = "ZooKeeper client port; 0 for any free port (default: local-cluster.properties, else 0).")
    Integer zooKeeperPort;

    @Option(names = "--redis-port", description = "Redis port; 0 for any free port (default: local-cluster.properties, else 0).")
    Integer redisPort;

    @Option(names = "--secure", description = "Redis and ZooKeeper over TLS only, client certificates required, with certificates made once "
            + "into the data folder (default: secure=true in local-cluster.properties, else off).")
    boolean secure;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        AppDirectories dirs = AppDirectories.fromEnvironment();
        LocalClusterSettings saved;
        try {
            saved = LocalClusterSettings.load(dirs.localClusterSettingsFile(), dirs.localCluster());
        } catch (IllegalArgumentException e) {
            throw new ReadableErrors.UserError(e.getMessage(), 2);
        }
        LocalClusterSettings settings = new LocalClusterSettings(dataDir != null ? dataDir : saved.dataDir(),
                hdfsPort != null ? hdfsPort : saved.hdfsPort(), zooKeeperPort != null ? zooKeeperPort : saved.zooKeeperPort(),
                redisPort != null ? redisPort : saved.redisPort(), secure || saved.secure());
        Path dir = settings.dataDir();
        StartupListener progress = (service, phase, detail) -> {
            String name = phase.name().toLowerCase(java.util.Locale.ROOT);
            out.printf("  %-9s %-8s %s%n", service.displayName(), name, detail.equals(name) ? "" : detail);
            out.flush();
        };
        out.println("Starting the local cluster in " + dir);
        out.flush();
        long began = System.nanoTime();
        EmbeddedCluster cluster = EmbeddedCluster.start(settings, progress);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger status = new AtomicInteger();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                out.println("Stopping the local cluster…");
                out.flush();
                cluster.close();
                stopped.countDown();
            }
        };
        // Ctrl-C and SIGTERM stop the servers while the JVM runs as usual, then main returns the signal's status; the
        // hook is the last resort (a second signal, or one the JVM keeps)
        StopSignals.onFirst(signal -> {
            status.set(signal);
            stop.run();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "local-cluster-stop"));
        printEndpoints(out, cluster, (System.nanoTime() - began) / 1_000_000);
        stopped.await();
        return status.get();
    }

    private static void printEndpoints(PrintWriter out, EmbeddedCluster cluster, long ms) {
        ClusterEndpoints e = cluster.endpoints();
        out.printf("Local cluster up in %.3f s. Press Ctrl-C to stop.%n", ms / 1000.0);
        out.println("  HDFS        " + e.hdfsUri() + "   (NameNode web UI " + e.nameNodeWebUi() + ")");
        out.println("  ZooKeeper   " + e.zooKeeperConnect() + "   (Tessera root /tessera)");
        out.println("  Redis       " + e.redisUri() + "   (password in " + cluster.redisPasswordFile() + ")");
        if (e.secure()) {
            out.println("  TLS         Redis and ZooKeeper over TLS only, client certificates required (in "
                    + LocalCertificates.dirIn(cluster.dataDir()) + ")");
        }
        out.println("  Profile     Local (other Tessera commands on this machine find it through " + EmbeddedCluster.endpointsFile(cluster.dataDir()) + ")");
        out.flush();
    }
}
