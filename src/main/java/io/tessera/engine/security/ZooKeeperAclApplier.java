package io.tessera.engine.security;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.json.Json;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.ACL;

/**
 * Brings a cluster to a {@link ZooKeeperRolePolicy}: writes the policy node, then sets the ACL {@link ZooKeeperRoles} gives
 * each node under the Tessera root, parents first (what {@code tessera acl zookeeper --apply} runs, as a console). A
 * node whose ACL this identity may not change (ADMIN right: made by another identity) or read is left as it is and
 * reported; workers' ephemeral nodes that vanish meanwhile are skipped.
 */
public final class ZooKeeperAclApplier {
    /** What an apply did: nodes set, nodes already right, nodes it could not change (the first ones, by path). */
    public record Outcome(int set, int unchanged, int refused, List<String> refusedPaths) {}

    private static final int SHOWN_REFUSALS = 10;

    private ZooKeeperAclApplier() {}

    /**
     * Applies, as the connection's identity, a policy with that identity and {@code consoles} as consoles, {@code workers}
     * and {@code viewers} (digest ids). The connection's profile must have ZooKeeper credentials: they are the console's.
     */
    public static Outcome apply(ClusterConnection connection, List<String> consoles, List<String> workers, List<String> viewers) throws IOException {
        ConnectionTarget target = connection.target();
        if (!target.hasZooKeeperCredentials()) {
            throw new IOException("profile '" + target.profileName() + "' has no ZooKeeper credentials: apply the roles with a console's digest user");
        }
        List<String> allConsoles = new ArrayList<>(List.of(ZooKeeperRolePolicy.digestId(target.zooKeeperDigestUser(), target.zooKeeperDigestPassword())));
        allConsoles.addAll(consoles);
        return apply(ZkAccess.of(connection), new ZooKeeperRolePolicy(allConsoles, workers, viewers));
    }

    public static Outcome apply(ZkAccess zk, ZooKeeperRolePolicy policy) throws IOException {
        CuratorFramework client = zk.client();
        byte[] json = Json.mapper().writeValueAsBytes(policy);
        String policyPath = ZooKeeperRolePolicy.PATH;
        zk.run(zk.absolute(policyPath), () -> {
            try {
                client.setData().forPath(policyPath, json);
            } catch (KeeperException.NoNodeException none) {
                client.create().creatingParentContainersIfNeeded().withACL(ZooKeeperRoles.aclFor(policyPath, policy)).forPath(policyPath, json);
            }
            return null;
        });
        int set = 0;
        int unchanged = 0;
        int refused = 0;
        List<String> refusedPaths = new ArrayList<>();
        Deque<String> next = new ArrayDeque<>(List.of("/"));
        while (!next.isEmpty()) {
            String path = next.poll();
            List<ACL> wanted = ZooKeeperRoles.aclFor(path, policy);
            try {
                List<ACL> current = client.getACL().forPath(path);
                if (sameEntries(current, wanted)) {
                    unchanged++;
                } else {
                    client.setACL().withACL(wanted).forPath(path);
                    set++;
                }
                for (String child : client.getChildren().forPath(path)) {
                    next.add(ZKPaths.makePath(path, child));
                }
            } catch (KeeperException.NoNodeException gone) {
                // an ephemeral node (a worker, an election) that went meanwhile
            } catch (KeeperException.NoAuthException notOurs) {
                refused++;
                if (refusedPaths.size() < SHOWN_REFUSALS) {
                    refusedPaths.add(zk.absolute(path));
                }
            } catch (Exception e) {
                throw zk.translate(e, zk.absolute(path));
            }
        }
        return new Outcome(set, unchanged, refused, List.copyOf(refusedPaths));
    }

    private static boolean sameEntries(List<ACL> current, List<ACL> wanted) {
        return current.size() == wanted.size() && current.containsAll(wanted);
    }
}
