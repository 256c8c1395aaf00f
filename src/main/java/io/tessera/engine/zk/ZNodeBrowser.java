package io.tessera.engine.zk;

import io.tessera.engine.zk.ChildPage.Child;
import io.tessera.engine.zk.ZkBulk.NodeRead;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.common.PathUtils;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * ZooKeeper as the tree panel sees it: absolute paths anywhere in the ensemble (the Tessera root is
 * only the starting point), plain engine records, readable {@link ZNodeException}s. Blocking calls:
 * run them off the UI thread.
 */
public final class ZNodeBrowser {
    private final ZkAccess zk;
    private final CuratorFramework client;

    public ZNodeBrowser(ZkAccess zk) {
        this.zk = zk;
        this.client = zk.absoluteClient();
    }

    /** Where the panel starts: the profile's Tessera root, e.g. {@code /tessera}. */
    public String rootPath() {
        return zk.root();
    }

    /**
     * Children {@code offset .. offset+limit} by name. The names come in one call (ZooKeeper has no paging);
     * only the page's children are stat'ed, pipelined, so a node with 10,000 children costs one listing
     * and {@code limit} small requests.
     */
    public ChildPage children(String path, int offset, int limit) throws IOException {
        PathUtils.validatePath(path);
        List<String> names = new ArrayList<>(zk.run(path, () -> client.getChildren().forPath(path)));
        names.sort(null);
        int from = Math.min(Math.max(0, offset), names.size());
        int to = Math.min(names.size(), from + Math.max(0, limit));
        List<String> paths = names.subList(from, to).stream().map(n -> ZKPaths.makePath(path, n)).toList();
        List<Child> page = new ArrayList<>(paths.size());
        for (NodeRead read : ZkBulk.stat(zk, client, paths)) {
            if (read.exists()) {
                Stat s = read.stat();
                page.add(new Child(ZKPaths.getNodeFromPath(read.path()), read.path(), s.getNumChildren(), s.getDataLength(), s.getEphemeralOwner() != 0));
            }
        }
        return new ChildPage(path, names.size(), from, page);
    }

    public ZNode node(String path) throws IOException {
        PathUtils.validatePath(path);
        Stat stat = new Stat();
        byte[] data = zk.run(path, () -> client.getData().storingStatIn(stat).forPath(path));
        List<ACL> acl = zk.run(path, () -> client.getACL().forPath(path));
        byte[] shown = SecretNodes.isSecret(zk, path) ? SecretNodes.SHOWN_INSTEAD : data == null ? new byte[0] : data;
        return new ZNode(path, shown, ZNodeStat.of(stat), acl.stream().map(ZNodeBrowser::describe).toList());
    }

    /** Creates a persistent node; its parent must exist. */
    public ZNodeStat create(String path, byte[] data) throws IOException {
        PathUtils.validatePath(path);
        Stat stat = new Stat();
        zk.run(path, () -> client.create().storingStatIn(stat).withMode(CreateMode.PERSISTENT).forPath(path, data));
        return ZNodeStat.of(stat);
    }

    /** Replaces the data if the node is still at {@code expectedVersion} (-1: whatever version). */
    public ZNodeStat setData(String path, byte[] data, int expectedVersion) throws IOException {
        PathUtils.validatePath(path);
        if (SecretNodes.isSecret(zk, path)) {
            throw new IllegalArgumentException(path + " holds the cluster's task key: it is not edited here (delete it, and every "
                    + "worker then needs a restart to read the new one)");
        }
        return ZNodeStat.of(zk.run(path, () -> client.setData().withVersion(expectedVersion).forPath(path, data)));
    }

    /** Deletes a node without children, if it is still at {@code expectedVersion} (-1: whatever version). */
    public void delete(String path, int expectedVersion) throws IOException {
        checkDeletable(path);
        zk.run(path, () -> client.delete().withVersion(expectedVersion).forPath(path));
    }

    /** How many nodes lie below {@code path} (not counting it): what a recursive delete would remove besides it. */
    public long countDescendants(String path) throws IOException {
        PathUtils.validatePath(path);
        long count = 0;
        Deque<String> withChildren = new ArrayDeque<>(List.of(path));
        while (!withChildren.isEmpty()) {
            String parent = withChildren.pop();
            List<String> children = zk.run(parent, () -> client.getChildren().forPath(parent)).stream()
                    .map(n -> ZKPaths.makePath(parent, n)).toList();
            count += children.size();
            // Only nodes that have children need a listing of their own; leaves are known from their stat.
            for (NodeRead read : ZkBulk.stat(zk, client, children)) {
                if (read.exists() && read.stat().getNumChildren() > 0) {
                    withChildren.push(read.path());
                }
            }
        }
        return count;
    }

    /** Deletes {@code path} and everything under it; returns how many nodes went (the node included). */
    public long deleteRecursive(String path) throws IOException {
        checkDeletable(path);
        long below = countDescendants(path);
        zk.run(path, () -> client.delete().deletingChildrenIfNeeded().forPath(path));
        return below + 1;
    }

    /** Searches breadth-first under {@code under}; stops early when {@code cancelled} says so or the thread is interrupted. */
    public ZNodeSearch.Result search(String under, ZNodeSearch query, BooleanSupplier cancelled) throws IOException {
        PathUtils.validatePath(under);
        return new ZNodeSearcher(zk, client, query, cancelled).run(under);
    }

    private static void checkDeletable(String path) {
        PathUtils.validatePath(path);
        if (path.equals("/") || path.equals("/zookeeper") || path.startsWith("/zookeeper/")) {
            throw new IllegalArgumentException(path + " belongs to ZooKeeper itself and cannot be deleted");
        }
    }

    private static String describe(ACL acl) {
        // zkCli's order and letters: create, delete, read, write, admin
        int p = acl.getPerms();
        String perms = ((p & ZooDefs.Perms.CREATE) != 0 ? "c" : "") + ((p & ZooDefs.Perms.DELETE) != 0 ? "d" : "")
                + ((p & ZooDefs.Perms.READ) != 0 ? "r" : "") + ((p & ZooDefs.Perms.WRITE) != 0 ? "w" : "")
                + ((p & ZooDefs.Perms.ADMIN) != 0 ? "a" : "");
        return acl.getId().getScheme() + ":" + acl.getId().getId() + ":" + perms;
    }
}
