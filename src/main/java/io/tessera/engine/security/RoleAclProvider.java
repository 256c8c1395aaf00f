package io.tessera.engine.security;

import io.tessera.engine.json.Json;
import io.tessera.engine.zk.SecretNodes;
import java.util.List;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACL of every node a client with ZooKeeper credentials creates (Curator asks it for each create, parents and the
 * chroot included). With a {@link ZooKeeperRolePolicy} in the cluster, the node gets its role rights
 * ({@link ZooKeeperRoles#aclFor}); without one (a cluster not yet brought to roles, or an identity the policy does not let
 * read it) the former rule holds: the creating identity all, the world read, the task key the creator only.
 *
 * <p>The policy is read on the first create, with a watch, and read again after the watch fires (it changed, appeared,
 * or the session was lost), so an {@code --apply} elsewhere takes effect without a restart. It is read through the
 * client's ZooKeeper handle on the calling thread: Curator computes an ACL inside its own operation, where a Curator
 * call would nest.
 */
public final class RoleAclProvider implements ACLProvider {
    /** Without a policy: the creator (the profile's digest identity) all, the world read. */
    public static final List<ACL> UNMANAGED = Stream.concat(ZooDefs.Ids.CREATOR_ALL_ACL.stream(), ZooDefs.Ids.READ_ACL_UNSAFE.stream()).toList();
    private static final Logger LOG = LoggerFactory.getLogger(RoleAclProvider.class);

    private final String root;
    private volatile CuratorFramework client;
    private volatile ZooKeeperRolePolicy policy;
    private volatile boolean stale = true;
    private final Watcher invalidate = (WatchedEvent event) -> stale = true;

    /** @param namespace the client's chroot without its leading slash (null or empty: none) */
    public RoleAclProvider(String namespace) {
        this.root = namespace == null || namespace.isEmpty() ? "/" : ZKPaths.makePath("/", namespace);
    }

    /** The client this provider serves, once built (it reads the policy with it). */
    public void attach(CuratorFramework client) {
        this.client = client;
    }

    @Override
    public List<ACL> getDefaultAcl() {
        return UNMANAGED;
    }

    @Override
    public List<ACL> getAclForPath(String path) {
        String relative = relative(path);
        ZooKeeperRolePolicy current = policy();
        if (current == null) {
            return SecretNodes.TASK_KEY.equals(relative) ? ZooDefs.Ids.CREATOR_ALL_ACL : UNMANAGED;
        }
        return ZooKeeperRoles.aclFor(relative, current);
    }

    /** The policy in force, null when there is none this client may read. */
    public ZooKeeperRolePolicy policy() {
        if (stale && client != null) {
            load();
        }
        return policy;
    }

    private synchronized void load() {
        if (!stale) {
            return;
        }
        String path = root.equals("/") ? ZooKeeperRolePolicy.PATH : root + ZooKeeperRolePolicy.PATH;
        try {
            var zooKeeper = client.getZookeeperClient().getZooKeeper();
            stale = false; // before the read: a change while reading fires the watch and marks it stale again
            try {
                policy = Json.mapper().readValue(zooKeeper.getData(path, invalidate, null), ZooKeeperRolePolicy.class);
            } catch (KeeperException.NoNodeException none) {
                policy = null;
                if (zooKeeper.exists(path, invalidate) != null) {
                    stale = true; // made meanwhile
                }
            } catch (KeeperException.NoAuthException notOurs) {
                policy = null;
                LOG.warn("This ZooKeeper identity may not read the role policy at {}: the nodes it makes get its own ACL "
                        + "(creator all, world read), not the roles'", path);
            }
        } catch (Exception e) {
            stale = true;
            LOG.warn("Could not read the ZooKeeper role policy at {} (read again at the next create): {}", path, e.toString());
        }
    }

    /**
     * The path relative to the Tessera root ("/" for the root itself). Curator passes most creates' paths with the
     * namespace and a transaction's creates without it: a path outside the root is taken as relative already.
     */
    private String relative(String path) {
        if (root.equals("/")) {
            return path;
        }
        if (path.equals(root)) {
            return "/";
        }
        return path.startsWith(root + "/") ? path.substring(root.length()) : path;
    }
}
