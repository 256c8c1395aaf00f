package io.tessera.engine.membership;

import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.utils.ZKPaths;

/**
 * The cluster's coordinator: every candidate runs one, a {@link LeaderLatch} on {@code coordinator/}
 * picks the leader, and only the leader acts. It watches {@code workers/} with a {@link CuratorCache};
 * when a worker's node disappears it puts that worker's unfinished shards back in play (see
 * {@link OrphanedShards}), and it sweeps once on winning the election and every few seconds besides.
 * Each sweep also compares the unfinished plans with the task queue and re-creates what the queue lost
 * ({@link Reconciler}); so does a change of the queue's data set (Redis restarted or failed over).
 *
 * <p>Leadership is never held twice: acting stops the moment the connection is SUSPENDED or LOST (the
 * latch gives up leadership then too, and competes again after reconnecting). A partitioned leader may
 * not notice at once that its session expired and another took over; so every write is also fenced, in
 * a transaction with a check of this coordinator's own election node, which vanished with its session:
 * a deposed leader's writes cannot land.
 */
public final class Coordinator implements AutoCloseable {
    private final String id;
    private final LeaderLatch latch;
    private final CuratorCache workersCache;
    private final OrphanedShards orphans;
    private final Reconciler reconciler;
    private final JobQueues queues;
    private final CoordinatorListener listener;
    private final ScheduledExecutorService thread;
    private final ConnectionStateListener connectionWatch;
    private final ZkAccess zk;
    private volatile boolean acting;
    /** The queue's data set the last comparison covered; null when not known (coordinator thread only). */
    private String dataset;

    private Coordinator(ZkAccess zk, String id, CoordinatorSettings settings, CoordinatorListener listener, SettledShards settled, JobQueues queues) {
        this.zk = zk;
        this.id = ZkAccess.checkName(id, "coordinator id");
        this.listener = listener;
        PlanCache plans = new PlanCache(zk);
        this.orphans = new OrphanedShards(zk, plans, settings, settled);
        this.reconciler = new Reconciler(zk, plans, queues, settled);
        this.queues = queues;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coordinator-" + id);
            t.setDaemon(true);
            return t;
        });
        this.latch = new LeaderLatch(zk.client(), TesseraPaths.COORDINATOR, id, LeaderLatch.CloseMode.NOTIFY_LEADER);
        this.workersCache = CuratorCache.build(zk.client(), TesseraPaths.WORKERS);
        this.connectionWatch = (client, state) -> {
            if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
                setActing(false);
            }
        };
    }

    /** Starts competing for leadership; returns at once. */
    public static Coordinator start(ZkAccess zk, String id, CoordinatorSettings settings, CoordinatorListener listener) throws IOException {
        return start(zk, id, settings, listener, SettledShards.NONE);
    }

    /** Like {@link #start(ZkAccess, String, CoordinatorSettings, CoordinatorListener)}; orphaned shards whose tasks are all settled end as {@code settled} says. */
    public static Coordinator start(ZkAccess zk, String id, CoordinatorSettings settings, CoordinatorListener listener,
                                    SettledShards settled) throws IOException {
        return start(zk, id, settings, listener, settled, JobQueues.NONE);
    }

    /** Like {@link #start(ZkAccess, String, CoordinatorSettings, CoordinatorListener, SettledShards)}; also keeps {@code queues} in step with the plans. */
    public static Coordinator start(ZkAccess zk, String id, CoordinatorSettings settings, CoordinatorListener listener,
                                    SettledShards settled, JobQueues queues) throws IOException {
        Coordinator coordinator = new Coordinator(zk, id, settings, listener, settled, queues);
        zk.ensurePath(TesseraPaths.WORKERS);
        zk.client().getConnectionStateListenable().addListener(coordinator.connectionWatch);
        coordinator.latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                coordinator.thread.execute(coordinator::tookLead);
            }

            @Override
            public void notLeader() {
                coordinator.setActing(false);
            }
        }, coordinator.thread);
        coordinator.workersCache.listenable().addListener(CuratorCacheListener.builder()
                .forDeletes(coordinator::workerGone)
                .afterInitialized()
                .build(), coordinator.thread);
        coordinator.workersCache.start();
        zk.run(zk.absolute(TesseraPaths.COORDINATOR), () -> {
            coordinator.latch.start();
            return null;
        });
        long every = settings.sweepEvery().toMillis();
        coordinator.thread.scheduleWithFixedDelay(coordinator::sweepAll, every, every, TimeUnit.MILLISECONDS);
        if (queues != JobQueues.NONE) {
            long check = settings.datasetEvery().toMillis();
            coordinator.thread.scheduleWithFixedDelay(coordinator::checkDataset, check, check, TimeUnit.MILLISECONDS);
        }
        return coordinator;
    }

    public String id() {
        return id;
    }

    /** True while this coordinator is the leader and connected; false the moment either stops being so. */
    public boolean isActing() {
        return acting;
    }

    /** The election node this coordinator's writes are fenced with; null while it has none. */
    String electionNode() {
        return latch.getOurPath();
    }

    private void tookLead() {
        if (latch.hasLeadership() && zk.client().getZookeeperClient().isConnected()) {
            setActing(true);
            dataset = null; // whatever an earlier term saw says nothing about the queue now
            sweepAll();
        }
    }

    private void sweepAll() {
        sweep();
        reconcile();
    }

    /** The plans compared with the queue; a queue that cannot be reached is tried again at the next sweep. */
    private void reconcile() {
        if (!acting || queues == JobQueues.NONE) {
            return;
        }
        try {
            learnDataset();
            reconciler.sweep(() -> acting && latch.hasLeadership(), latch::getOurPath, listener);
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /**
     * The data set this comparison covers: a later change needs another one. Learnt here rather than only by the
     * periodic check, so that a queue that restarts just after this coordinator took the lead (before its first check)
     * is seen as changed, not taken as the one it compared.
     */
    private void learnDataset() {
        try {
            String now = queues.dataset();
            if (now != null) {
                dataset = now;
            }
        } catch (RuntimeException unreachable) {
            // the comparison fails too; the check learns the data set once the queue answers, and compares then
        }
    }

    /** A sweep that failed because this coordinator stopped acting meanwhile (closing, deposed) is no news. */
    private void failed(Exception e) {
        if (acting) {
            listener.sweepFailed(e);
        }
    }

    /** A queue whose data set changed (restarted, failed over) may have lost writes: compare at once rather than at the next sweep. */
    private void checkDataset() {
        if (!acting) {
            return;
        }
        String now;
        try {
            now = queues.dataset();
        } catch (RuntimeException unreachable) {
            return; // the next check, or sweep, tries again
        }
        if (now != null && !now.equals(dataset)) {
            // unknown until now (the queue did not answer the last comparison) counts as changed
            dataset = now;
            reconcile();
        }
    }

    private void workerGone(ChildData node) {
        if (TesseraPaths.WORKERS.equals(ZKPaths.getPathAndNode(node.getPath()).getPath())) {
            sweep();
        }
    }

    private void sweep() {
        if (!acting) {
            return;
        }
        try {
            orphans.sweep(() -> acting && latch.hasLeadership(), latch::getOurPath, listener);
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    private synchronized void setActing(boolean now) {
        if (acting != now) {
            acting = now;
            try {
                thread.execute(() -> listener.actingChanged(now));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closing: nobody is listening any more
            }
        }
    }

    @Override
    public void close() {
        setActing(false);
        zk.client().getConnectionStateListenable().removeListener(connectionWatch);
        workersCache.close();
        try {
            latch.close();
        } catch (IOException | IllegalStateException e) {
            // closing anyway; the session's end removes the election node
        }
        thread.shutdownNow();
    }
}
