package io.tessera.engine.membership;

import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZkJson;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;

/**
 * A worker's presence: the ephemeral node {@code workers/<id>}, kept by Curator's {@link PersistentNode}
 * recipe, which creates it again (with the latest data) whenever the session is lost and a new one
 * established, and when someone deletes it. Closing the registration removes the node at once.
 */
public final class WorkerRegistration implements AutoCloseable {
    private final ZkAccess zk;
    private final PersistentNode node;
    private volatile WorkerInfo info;

    private WorkerRegistration(ZkAccess zk, WorkerInfo info) {
        this.zk = zk;
        this.info = info;
        this.node = new PersistentNode(zk.client(), CreateMode.EPHEMERAL, false, TesseraPaths.worker(info.id()), ZkJson.bytes(info));
    }

    /** Registers and waits until the node exists (or fails after {@code timeout}). */
    public static WorkerRegistration register(ZkAccess zk, WorkerInfo info, Duration timeout) throws IOException {
        WorkerRegistration registration = new WorkerRegistration(zk, info);
        registration.node.start();
        try {
            if (!registration.node.waitForInitialCreate(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                registration.close();
                throw new ZNodeException(ZNodeException.Kind.CONNECTION, zk.absolute(TesseraPaths.worker(info.id())),
                        "could not register worker " + info.id() + " in ZooKeeper within " + timeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            registration.close();
            throw zk.translate(e, zk.absolute(TesseraPaths.worker(info.id())));
        }
        return registration;
    }

    public WorkerInfo info() {
        return info;
    }

    /** Publishes new figures; they survive a re-registration after session loss too. */
    public void updateFigures(LiveFigures figures) throws IOException {
        info = info.withFigures(figures);
        String path = zk.absolute(TesseraPaths.worker(info.id()));
        zk.run(path, () -> {
            node.setData(ZkJson.bytes(info));
            return null;
        });
    }

    /** The node as this registration last created it; null while it is being re-created. */
    public String registeredPath() {
        return node.getActualPath();
    }

    @Override
    public void close() {
        try {
            node.close();
        } catch (IOException e) {
            // the session's end removes the node anyway
        }
    }
}
