package io.tessera.engine.zk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;

/**
 * Writes many nodes in as few ZooKeeper transactions as the request limit allows. A server refuses a
 * request over {@code jute.maxbuffer} (1 MB by default), so operations are grouped into transactions
 * of at most {@code budgetBytes} each; each transaction is all-or-nothing, the whole sequence is not:
 * callers that need that write a marker in the last transaction (see the plan store).
 */
public final class ZkTransactions {
    /** Roughly what an operation costs besides its path and data: header, ACL, flags. */
    private static final int OVERHEAD = 96;

    private final ZkAccess zk;
    private final CuratorFramework client;
    private final int budgetBytes;
    private final List<CuratorOp> pending = new ArrayList<>();
    private final List<String> pendingPaths = new ArrayList<>();
    private int pendingBytes;
    private int committed;

    public ZkTransactions(ZkAccess zk, int budgetBytes) {
        this.zk = zk;
        this.client = zk.client();
        this.budgetBytes = budgetBytes;
    }

    public void create(String path, byte[] data) throws IOException {
        CuratorOp op = zk.run(zk.absolute(path), () -> client.transactionOp().create().withMode(CreateMode.PERSISTENT).forPath(path, data));
        add(op, path, data.length);
    }

    public void delete(String path) throws IOException {
        add(zk.run(zk.absolute(path), () -> client.transactionOp().delete().forPath(path)), path, 0);
    }

    private void add(CuratorOp op, String path, int dataBytes) throws IOException {
        int cost = OVERHEAD + path.getBytes(StandardCharsets.UTF_8).length + dataBytes;
        if (!pending.isEmpty() && pendingBytes + cost > budgetBytes) {
            flush();
        }
        pending.add(op);
        pendingPaths.add(path);
        pendingBytes += cost;
    }

    /** Sends what is pending as one transaction. */
    public void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        String first = zk.absolute(pendingPaths.getFirst());
        zk.run(first, () -> client.transaction().forOperations(pending));
        pending.clear();
        pendingPaths.clear();
        pendingBytes = 0;
        committed++;
    }

    /** Transactions sent so far. */
    public int transactions() {
        return committed;
    }
}
