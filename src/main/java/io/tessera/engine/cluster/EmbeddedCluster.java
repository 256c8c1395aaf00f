package io.tessera.engine.cluster;

import io.tessera.engine.Reasons;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local cluster: a real HDFS, ZooKeeper and Redis on loopback, started in parallel, with their
 * data under one folder that survives restarts. One cluster per folder: a lock file refuses a second.
 * While it runs, {@code endpoints.json} in that folder tells other local processes where it listens.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final Path dir;
    private final StartupListener listener;
    private final EmbeddedHdfs hdfs;
    private final EmbeddedZooKeeper zooKeeper;
    private final EmbeddedRedis redis;
    private final boolean secure;
    private FileChannel lockChannel;
    private FileLock lock;
    private ClusterEndpoints endpoints;

    private EmbeddedCluster(LocalClusterSettings settings, StartupListener listener) {
        this.dir = settings.dataDir().toAbsolutePath();
        this.listener = listener;
        this.hdfs = new EmbeddedHdfs(dir.resolve("hdfs"), settings.hdfsPort());
        this.secure = settings.secure();
        LocalCertificates tls = secure ? new LocalCertificates(LocalCertificates.dirIn(dir)) : null;
        this.zooKeeper = new EmbeddedZooKeeper(dir.resolve("zookeeper"), settings.zooKeeperPort(), tls);
        this.redis = new EmbeddedRedis(dir.resolve("redis"), settings.redisPort(), tls);
    }

    /** Starts all three services and returns once each answers, or throws with every failure's reason. */
    public static EmbeddedCluster start(LocalClusterSettings settings, StartupListener listener) throws ClusterStartException {
        EmbeddedCluster cluster = new EmbeddedCluster(settings, listener);
        cluster.lockDataDir();
        try {
            cluster.makeCertificates();
            cluster.startServices();
            cluster.publishEndpoints();
            return cluster;
        } catch (ClusterStartException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public ClusterEndpoints endpoints() {
        return endpoints;
    }

    public Path dataDir() {
        return dir;
    }

    /** Where the password of the embedded Redis is kept (owner-only file). */
    public Path redisPasswordFile() {
        return redisPasswordFile(dir);
    }

    public static Path redisPasswordFile(Path dataDir) {
        return EmbeddedRedis.passwordFile(dataDir.resolve("redis"));
    }

    public static Path endpointsFile(Path dataDir) {
        return dataDir.resolve("endpoints.json");
    }

    private void startServices() throws ClusterStartException {
        List<EmbeddedService> services = List.of(hdfs, zooKeeper, redis);
        ExecutorService starters = Executors.newFixedThreadPool(services.size(), Thread.ofPlatform().daemon().name("cluster-start-", 0).factory());
        try {
            List<CompletableFuture<Void>> started = new ArrayList<>();
            for (EmbeddedService service : services) {
                started.add(CompletableFuture.runAsync(() -> startOne(service), starters));
            }
            List<String> failures = new ArrayList<>();
            for (CompletableFuture<Void> future : started) {
                try {
                    future.join();
                } catch (CompletionException e) {
                    // a ClusterStartException names its service ("HDFS did not start: …"); its cause alone would not
                    failures.add(e.getCause() instanceof ClusterStartException named ? named.getMessage() : Reasons.oneLine(e.getCause()));
                }
            }
            if (!failures.isEmpty()) {
                throw new ClusterStartException(String.join("; ", failures));
            }
        } finally {
            starters.shutdownNow();
        }
    }

    private void startOne(EmbeddedService service) {
        long began = System.nanoTime();
        listener.onPhase(service.kind(), StartupListener.Phase.STARTING, "starting");
        try {
            String where = PortTakenRetry.start(service);
            long ms = (System.nanoTime() - began) / 1_000_000;
            listener.onPhase(service.kind(), StartupListener.Phase.UP, where + " (" + ms + " ms)");
        } catch (ClusterStartException e) {
            listener.onPhase(service.kind(), StartupListener.Phase.FAILED, e.getMessage());
            throw new CompletionException(e);
        } catch (RuntimeException e) {
            String reason = service.kind().displayName() + " did not start: " + Reasons.oneLine(e);
            listener.onPhase(service.kind(), StartupListener.Phase.FAILED, reason);
            throw new CompletionException(new ClusterStartException(reason, e));
        }
    }

    private void lockDataDir() throws ClusterStartException {
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("cluster.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        } catch (IOException e) {
            throw new ClusterStartException("Cannot use the local cluster folder " + dir + ": " + Reasons.oneLine(e), e);
        }
        if (lock == null) {
            closeQuietly(lockChannel);
            throw new ClusterStartException("The local cluster in " + dir
                    + " is already running in a Tessera process; stop it first, or use another data folder.");
        }
    }

    private void makeCertificates() throws ClusterStartException {
        if (secure) {
            try {
                LocalCertificates.ensure(LocalCertificates.dirIn(dir));
            } catch (IOException | RuntimeException e) {
                throw new ClusterStartException("Cannot make the local cluster's TLS certificates in " + LocalCertificates.dirIn(dir) + ": "
                        + Reasons.oneLine(e), e);
            }
        }
    }

    /** Whether Redis and ZooKeeper speak TLS only (with client certificates). */
    public boolean secure() {
        return secure;
    }

    private void publishEndpoints() throws ClusterStartException {
        endpoints = new ClusterEndpoints(hdfs.uri(), hdfs.webUi(), zooKeeper.connectString(), redis.uri(), ProcessHandle.current().pid(), secure);
        try {
            Json.mapper().writeValue(endpointsFile(dir).toFile(), endpoints);
        } catch (IOException e) {
            throw new ClusterStartException("Cannot write " + endpointsFile(dir) + ": " + Reasons.oneLine(e), e);
        }
    }

    /** Stops the services in reverse dependency order; safe to call twice. */
    @Override
    public synchronized void close() {
        for (EmbeddedService service : List.of(redis, zooKeeper, hdfs)) {
            listener.onPhase(service.kind(), StartupListener.Phase.STOPPING, "stopping");
            try {
                service.close();
            } catch (RuntimeException e) {
                listener.onPhase(service.kind(), StartupListener.Phase.FAILED, "did not stop cleanly: " + Reasons.oneLine(e));
                continue;
            }
            listener.onPhase(service.kind(), StartupListener.Phase.STOPPED, "stopped");
        }
        try {
            Files.deleteIfExists(endpointsFile(dir));
        } catch (IOException ignored) {
            // a stale endpoints file names a dead owner pid, which readers check
        }
        if (lock != null) {
            closeQuietly(lockChannel);
            lock = null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // releasing a lock on the way out
        }
    }
}
