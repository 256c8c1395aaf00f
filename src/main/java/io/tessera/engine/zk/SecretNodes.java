package io.tessera.engine.zk;

import java.nio.charset.StandardCharsets;

/**
 * Znodes whose data is a secret (the cluster's task key): the node browser shows that it is there and its ACL, never
 * its data, and searches do not look into it.
 */
public final class SecretNodes {
    /** The cluster's task key, relative to the Tessera root (see {@code engine.security.TaskKey}). */
    public static final String TASK_KEY = "/security/task-key";
    static final byte[] SHOWN_INSTEAD = "(the cluster's task key: a secret, not shown)".getBytes(StandardCharsets.UTF_8);

    private SecretNodes() {}

    /** Whether {@code absolutePath} (with the chroot) is a secret node of the cluster {@code zk} reaches. */
    static boolean isSecret(ZkAccess zk, String absolutePath) {
        return absolutePath.equals(zk.absolute(TASK_KEY));
    }
}
