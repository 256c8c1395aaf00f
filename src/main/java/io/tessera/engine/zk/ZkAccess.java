package io.tessera.engine.zk;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.zk.ZNodeException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;

/**
 * What the engine's ZooKeeper features share: a client working under the Tessera root (the chroot),
 * whether the profile brought credentials (to tell "read-only" from "wrong credentials"), and one
 * translation of ZooKeeper's errors into {@link ZNodeException}s with readable messages.
 */
public record ZkAccess(CuratorFramework client, boolean hasCredentials) {

    public static ZkAccess of(ClusterConnection connection) {
        return new ZkAccess(connection.curator(), connection.target().hasZooKeeperCredentials());
    }

    /** The same session, without the chroot: absolute paths, for browsing the whole ensemble. */
    public CuratorFramework absoluteClient() {
        return client.usingNamespace(null);
    }

    /** The Tessera root as an absolute path, e.g. {@code /tessera}; "/" when there is no chroot. */
    public String root() {
        return client.getNamespace() == null || client.getNamespace().isEmpty() ? "/" : "/" + client.getNamespace();
    }

    /** A path under the root as ZooKeeper sees it, for messages. */
    public String absolute(String relativePath) {
        return root().equals("/") ? relativePath : ZKPaths.makePath(root(), relativePath);
    }

    /** Creates a persistent node (and its parents) unless it is there already. */
    public void ensurePath(String relativePath) throws IOException {
        try {
            client.create().creatingParentsIfNeeded().forPath(relativePath);
        } catch (KeeperException.NodeExistsException alreadyThere) {
            // what we wanted
        } catch (Exception e) {
            throw translate(e, absolute(relativePath));
        }
    }

    /** Ids become node names: one path segment, nothing ZooKeeper or a shell would trip over. */
    public static String checkName(String name, String what) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}")) {
            throw new IllegalArgumentException("invalid " + what + ": " + name + " (letters, digits and . _ : @ + - only)");
        }
        return name;
    }

    /** A ZooKeeper call that may throw anything Curator throws. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    /** Runs a call on {@code path} (absolute), turning whatever it throws into an IOException with a readable message. */
    public <T> T run(String path, Call<T> call) throws IOException {
        try {
            return call.call();
        } catch (Exception e) {
            throw translate(e, path);
        }
    }

    public IOException translate(Exception error, String path) {
        if (error instanceof ZNodeException z) {
            return z;
        }
        if (error instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while working on " + path);
            interrupted.initCause(error);
            return interrupted;
        }
        if (!(error instanceof KeeperException keeper)) {
            return error instanceof IOException io ? io : new IOException("ZooKeeper: " + error.getMessage() + " (" + path + ")", error);
        }
        String at = keeper.getPath() != null ? keeper.getPath() : path;
        return switch (keeper.code()) {
            case NOAUTH -> hasCredentials
                    ? new ZNodeException(Kind.ACCESS_DENIED, at, "access denied: this profile's ZooKeeper credentials may not change " + at, error)
                    : new ZNodeException(Kind.READ_ONLY, at, "read-only: this profile has no ZooKeeper credentials for " + at, error);
            case NONODE -> new ZNodeException(Kind.NOT_FOUND, at, at + " does not exist (any more)", error);
            case NODEEXISTS -> new ZNodeException(Kind.ALREADY_EXISTS, at, at + " already exists", error);
            case BADVERSION -> new ZNodeException(Kind.CHANGED_MEANWHILE, at, at + " was changed by someone else meanwhile; reload it and try again", error);
            case NOTEMPTY -> new ZNodeException(Kind.NOT_EMPTY, at, at + " has children; delete them first or delete recursively", error);
            case CONNECTIONLOSS, SESSIONEXPIRED, OPERATIONTIMEOUT, SESSIONMOVED ->
                    new ZNodeException(Kind.CONNECTION, at, "lost the connection to ZooKeeper while working on " + at + "; try again", error);
            default -> new ZNodeException(Kind.OTHER, at, "ZooKeeper refused the operation on " + at + ": " + keeper.code(), error);
        };
    }
}
