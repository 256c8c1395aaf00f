package io.tessera.engine.connect;

import java.io.IOException;
import io.tessera.engine.kerberos.HdfsIdentity;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.hadoop.fs.FileSystem;
import redis.clients.jedis.RedisClient;

/**
 * The long-lived clients of one profile, opened on first use and closed together. Engine features
 * (store, shards, dispatch) take what they need from here; nothing outside the engine sees these types: the console
 * and the CLI work through {@code ClusterServices}, and {@code LayeringTest} fails the build if they call
 * {@link #fileSystem()}, {@link #curator()} or {@link #redis()}, or anything else that takes or returns a client type.
 */
public final class ClusterConnection implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionTarget target;
    private FileSystem fileSystem;
    private CuratorFramework curator;
    private RedisClient redis;

    public ClusterConnection(ConnectionTarget target) {
        this.target = target;
    }

    public ConnectionTarget target() {
        return target;
    }

    public synchronized FileSystem fileSystem() throws IOException {
        if (fileSystem == null) {
            fileSystem = ClientFactory.fileSystem(target, TIMEOUT, false);
        }
        return fileSystem;
    }

    /** Who this connection acts as in HDFS (signing in with Kerberos first, if the profile does). */
    public HdfsIdentity hdfsIdentity() throws IOException {
        return ClientFactory.hdfsIdentity(target);
    }

    public synchronized CuratorFramework curator() {
        if (curator == null) {
            curator = ClientFactory.curator(target, TIMEOUT, new ExponentialBackoffRetry(200, 10, 5_000));
            curator.start();
        }
        return curator;
    }

    public synchronized RedisClient redis() {
        if (redis == null) {
            redis = ClientFactory.redisClient(target, TIMEOUT);
        }
        return redis;
    }

    @Override
    public synchronized void close() {
        if (redis != null) {
            redis.close();
            redis = null;
        }
        if (curator != null) {
            curator.close();
            curator = null;
        }
        if (fileSystem != null) {
            try {
                fileSystem.close();
            } catch (IOException ignored) {
                // closing on the way out; nothing to save
            }
            fileSystem = null;
        }
    }
}
