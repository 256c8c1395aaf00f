package io.tessera.engine.worker;

import io.tessera.engine.Reasons;
import io.tessera.engine.dispatch.ShardTally;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.dispatch.TaskListener;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.zk.ZNodeException;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the shard states of real jobs in ZooKeeper as a worker runs their tasks, cheaply: a shard becomes
 * RUNNING by this worker when it starts the shard's first task here (one versioned write per shard and
 * worker), its done/failed figures follow dispatch's tally at most once per {@code every}, and it ends
 * DONE (or FAILED, with the counts as the reason) as soon as the tally says every task of it is settled,
 * whichever worker settled the last one. Output folders are swept of stale temporaries ({@link StaleOutputSweep})
 * as this worker first writes into them in a job, and a shard's again when this worker's write ends it. All
 * ZooKeeper work runs on one thread of its own; the consumer's threads only hand over. Jobs submitted without a
 * plan in ZooKeeper are left alone (their folders are still swept).
 */
final class ShardTracker implements TaskListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShardTracker.class);

    private record Key(String job, int shard) {}

    private final ShardStore store;
    private final String worker;
    private final ScheduledExecutorService thread;
    private final Set<Key> started = ConcurrentHashMap.newKeySet();
    private final Set<String> planless = ConcurrentHashMap.newKeySet();
    private final Map<Key, ShardTally> unwritten = new ConcurrentHashMap<>();
    /** The recipes of the jobs this worker ran lately, for the sweeps of their output folders. */
    private final Map<String, JobRecipe> recipes = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JobRecipe> eldest) {
            return size() > 256;
        }
    });
    private final StaleOutputSweep sweep;

    ShardTracker(ShardStore store, String worker, Duration every, StaleOutputSweep sweep) {
        this.store = store;
        this.worker = worker;
        this.sweep = sweep;
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("worker-shards-" + worker).factory());
        thread.scheduleWithFixedDelay(this::flush, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void started(Task task) {
        Key key = new Key(task.job(), task.shard());
        JobRecipe recipe = recipeOf(task);
        if (recipe != null) {
            sweep.taskStarted(task.job(), recipe, task.images());
        }
        if (!planless.contains(task.job()) && started.add(key)) {
            submit(() -> write(key, shard -> startedBy(shard, worker)));
        }
    }

    @Override
    public void counted(ShardTally tally) {
        if (planless.contains(tally.job())) {
            return;
        }
        unwritten.put(new Key(tally.job(), tally.shard()), tally);
        if (tally.settled()) {
            submit(this::flush);
        }
    }

    /** The task's recipe, read once per job; null when it cannot be read (the handler fails its images with the reason). */
    private JobRecipe recipeOf(Task task) {
        JobRecipe known = recipes.get(task.job());
        if (known != null) {
            return known;
        }
        try {
            JobRecipe recipe = JobRecipe.fromJson(task.pipeline());
            recipes.put(task.job(), recipe);
            return recipe;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private void submit(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException closing) {
            // closed: the final flush has run or runs now
        }
    }

    private void flush() {
        for (Map.Entry<Key, ShardTally> entry : unwritten.entrySet()) {
            Key key = entry.getKey();
            ShardTally tally = entry.getValue();
            if (unwritten.remove(key, tally) && !write(key, shard -> counted(shard, tally, worker))) {
                unwritten.putIfAbsent(key, tally); // try again next round, unless a newer tally came meanwhile
            }
        }
    }

    /** @return false when the write should be tried again (ZooKeeper unreachable) */
    private boolean write(Key key, ShardStore.Change change) {
        if (planless.contains(key.job())) {
            return true;
        }
        try {
            store.update(key.job(), key.shard(), change).filter(ShardTracker::ended).ifPresent(shard -> {
                JobRecipe recipe = recipes.get(key.job());
                if (recipe != null) {
                    sweep.shardEnded(key.job(), recipe, shard); // this write ended it: one sweep per end
                }
            });
            return true;
        } catch (ZNodeException e) {
            if (e.kind() == ZNodeException.Kind.NOT_FOUND) {
                planless.add(key.job()); // dispatched without a plan (or the plan was deleted): nothing to keep
                return true;
            }
            LOG.debug("Shard {} of {}: {}", key.shard(), key.job(), Reasons.oneLine(e));
            return e.kind() != ZNodeException.Kind.CONNECTION;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Shard {} of {}: {}", key.shard(), key.job(), Reasons.oneLine(e));
            return false;
        }
    }

    private static boolean ended(ShardRecord shard) {
        return shard.state() == ShardState.DONE || shard.state() == ShardState.FAILED;
    }

    /**
     * Taken up by {@code worker}: RUNNING from PLANNED or QUEUED; left as it is otherwise. An ended shard (FAILED, DONE)
     * changes only with a settled tally: a task of it starting may be a duplicate delivery of a task settled already
     * (reclaimed, or queued again after Redis lost data), whose completion counts nothing and would never end it again.
     */
    static Optional<ShardRecord> startedBy(ShardRecord shard, String worker) {
        return switch (shard.state()) {
            case PLANNED, QUEUED -> Optional.of(shard.moveTo(ShardState.RUNNING, worker).withError(null));
            case RUNNING, FAILED, DONE -> Optional.empty();
        };
    }

    /**
     * The shard as dispatch's tally says: settled → DONE when every image went through, FAILED with the
     * counts as reason otherwise; not settled → RUNNING with the figures (taken up by {@code worker} if
     * nobody runs it, e.g. after the coordinator put it back). Never backwards: an older tally than what
     * is written changes nothing, and DONE stays DONE. A FAILED shard goes back to RUNNING only on a tally
     * with more images through than it records (a tally older than the settled one never has): tallies of
     * different workers arrive in any order, and one written after the shard ended must not reopen it.
     */
    static Optional<ShardRecord> counted(ShardRecord shard, ShardTally tally, String worker) {
        if (shard.state() == ShardState.DONE) {
            return Optional.empty();
        }
        int done = (int) tally.done();
        int failed = (int) tally.failed();
        String owner = shard.owner() != null ? shard.owner() : worker;
        if (tally.settled()) {
            ShardState outcome = tally.clean() ? ShardState.DONE : ShardState.FAILED;
            if (shard.state() == outcome && shard.done() == done && shard.failed() == failed) {
                return Optional.empty();
            }
            return Optional.of(shard.moveTo(outcome, owner).withProgress(done, failed).withError(tally.problems()));
        }
        if (shard.state() == ShardState.RUNNING || shard.state() == ShardState.FAILED) {
            if (done + failed <= shard.done() + shard.failed()) {
                return Optional.empty();
            }
            if (shard.state() == ShardState.RUNNING) {
                return Optional.of(shard.withProgress(done, failed));
            }
        }
        return Optional.of(shard.moveTo(ShardState.RUNNING, owner).withProgress(done, failed).withError(null));
    }

    /** Writes what is left, lets the sweeps it started finish, and stops. */
    @Override
    public void close() {
        submit(this::flush);
        ThreadStops.stop(thread, Duration.ofSeconds(10));
        sweep.close();
    }
}
