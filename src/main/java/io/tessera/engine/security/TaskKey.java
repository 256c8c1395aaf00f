package io.tessera.engine.security;

import io.tessera.engine.dispatch.Task;
import io.tessera.engine.dispatch.TaskSigner;
import io.tessera.engine.json.Json;
import io.tessera.engine.zk.SecretNodes;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's task key: 32 random bytes in ZooKeeper ({@code security/task-key}), made by the first Tessera process
 * that needs it, with which submitters sign tasks and workers check them ({@link TaskSigner}). It is kept in
 * ZooKeeper, not Redis, because the threat is whoever can write to Redis. With ZooKeeper credentials in the profile
 * the node is readable by the console and worker roles alone ({@link ZooKeeperRoles}), or without a role policy by the
 * identity that made it (ACL creator-all); without credentials anyone who reaches ZooKeeper can read
 * it, and the log says so once. Never logged, never written elsewhere.
 */
public final class TaskKey {
    static final String PATH = SecretNodes.TASK_KEY;
    private static final Logger LOG = LoggerFactory.getLogger(TaskKey.class);
    private static volatile boolean warnedOpen;

    /** The key's node: base64 of the bytes, and when it was made. */
    record Stored(String key, Instant created) {}

    private TaskKey() {}

    /** The signer of this cluster, making the key first when there is none. */
    public static TaskSigner signer(ZkAccess zk) throws IOException {
        return TaskSigner.hmac(load(zk));
    }

    /**
     * The signer of this cluster, reading (or making) the key on first use: for submitters made where no call to
     * ZooKeeper may happen yet. A key that cannot be read fails that use with the reason.
     */
    public static TaskSigner lazySigner(ZkAccess zk) {
        return new TaskSigner() {
            private TaskSigner loaded;

            private synchronized TaskSigner loaded() {
                if (loaded == null) {
                    try {
                        loaded = signer(zk);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the cluster's task key: " + e.getMessage(), e);
                    }
                }
                return loaded;
            }

            @Override
            public Task sign(Task task) {
                return loaded().sign(task);
            }

            @Override
            public String refusal(Task task) {
                return loaded().refusal(task);
            }
        };
    }

    static byte[] load(ZkAccess zk) throws IOException {
        return zk.run(zk.absolute(PATH), () -> {
            try {
                return decode(zk, zk.client().getData().forPath(PATH));
            } catch (KeeperException.NoNodeException none) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                byte[] node = Json.mapper().writeValueAsBytes(new Stored(Base64.getEncoder().encodeToString(key), Instant.now()));
                try {
                    // its ACL is the client's (RoleAclProvider): consoles and workers only, or the creator only
                    zk.client().create().creatingParentContainersIfNeeded().forPath(PATH, node);
                    LOG.info("Made the cluster's task key at {}", zk.absolute(PATH));
                    return key;
                } catch (KeeperException.NodeExistsException madeMeanwhile) {
                    return decode(zk, zk.client().getData().forPath(PATH));
                }
            }
        });
    }

    private static byte[] decode(ZkAccess zk, byte[] node) throws IOException {
        if (!zk.hasCredentials() && !warnedOpen) {
            warnedOpen = true;
            LOG.warn("The task key at {} is readable by anyone who reaches ZooKeeper: give the profile ZooKeeper credentials "
                    + "so that only Tessera's identity can read it", zk.absolute(PATH));
        }
        return Base64.getDecoder().decode(Json.mapper().readValue(node, Stored.class).key());
    }
}
