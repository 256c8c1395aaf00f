package io.tessera.engine.zk;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.cache.CuratorCacheListenerBuilder;

/**
 * Live changes of a subtree (absolute path) as small {@link ZNodeEvent}s, from a {@link CuratorCache}:
 * the listener is called on the executor given (a single-threaded one keeps events in order), never
 * on ZooKeeper's own thread. The cache holds the subtree's data in memory; watch the part on screen
 * (a job's shards), not the whole ensemble.
 */
public final class ZNodeWatcher implements AutoCloseable {
    private final CuratorCache cache;

    private ZNodeWatcher(CuratorCache cache) {
        this.cache = cache;
    }

    /**
     * @param includeInitial whether the nodes present at the start arrive as CREATED events too (a view
     *        that loaded them itself passes false and gets only what changes after INITIALIZED)
     */
    public static ZNodeWatcher watch(ZkAccess zk, String path, boolean includeInitial, Executor executor, Consumer<ZNodeEvent> listener) {
        org.apache.zookeeper.common.PathUtils.validatePath(path);
        CuratorCache cache = CuratorCache.build(zk.absoluteClient(), path);
        CuratorCacheListenerBuilder builder = CuratorCacheListener.builder()
                .forCreates(node -> listener.accept(event(ZNodeEvent.Type.CREATED, node)))
                .forChanges((before, after) -> listener.accept(event(ZNodeEvent.Type.CHANGED, after)))
                .forDeletes(node -> listener.accept(event(ZNodeEvent.Type.DELETED, node)))
                .forInitialized(() -> listener.accept(new ZNodeEvent(ZNodeEvent.Type.INITIALIZED, path, null, -1)));
        if (!includeInitial) {
            builder.afterInitialized();
        }
        cache.listenable().addListener(builder.build(), executor);
        cache.start();
        return new ZNodeWatcher(cache);
    }

    private static ZNodeEvent event(ZNodeEvent.Type type, ChildData node) {
        return new ZNodeEvent(type, node.getPath(), node.getData(), node.getStat() == null ? -1 : node.getStat().getVersion());
    }

    @Override
    public void close() {
        cache.close();
    }
}
