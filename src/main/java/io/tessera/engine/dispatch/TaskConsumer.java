package io.tessera.engine.dispatch;

import io.tessera.engine.connect.Backoff;
import io.tessera.engine.Reasons;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A worker's end of the queue: one read thread (XREADGROUP high before normal, reclaim, retries due,
 * lease refresh), {@code handlerThreads} threads running the {@link TaskHandler}, and one thread writing
 * completions in pipelined batches. Survives Redis being away: every loop backs off with jitter and
 * resumes; what it held stays in the group's pending list meanwhile.
 *
 * <p>Tasks of a cancelled job are acknowledged as cancelled without running; tasks of a paused job are
 * held (pending, leases kept fresh) until it is resumed.
 */
public final class TaskConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskConsumer.class);
    private static final long DRAIN_MILLIS = 30_000;
    /** Idle time a handed-back entry is marked with: past any visibility timeout, so the next reclaim pass anywhere takes it. */
    private static final long HAND_BACK_IDLE_MILLIS = java.time.Duration.ofDays(1).toMillis();

    private final RedisClient redis;
    /** Jobs this consumer has already marked RUNNING: one script call per job, not per task. */
    private final Set<String> startedJobs = ConcurrentHashMap.newKeySet();
    private final DispatchKeys keys;
    private final DispatchSettings settings;
    private final String name;
    private final TaskHandler handler;
    private final TaskListener listener;
    private final TaskReader reader;
    private final Reclaimer reclaimer;
    private final Leases leases;
    private final ControlFlags flags;
    private final CompletionWriter writer;
    private final RunningProgress progress;
    private final ExecutorService handlers;
    private final Semaphore slots;
    private final Thread fetcher;
    /** Tasks of paused jobs; touched by the read thread only. */
    private final List<Delivery> parked = new ArrayList<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong reclaimed = new AtomicLong();
    private final AtomicLong connectionFailures = new AtomicLong();
    private volatile int parkedCount;
    private volatile boolean running;
    /** Set by {@link #abandon}: tasks that stop now go back to the group instead of failing. */
    private volatile boolean abandoning;

    /**
     * @param name the consumer name in the group: unique per live consumer and stable for a worker
     *             (e.g. its worker id), so a restarted worker finds nothing of another's
     */
    public TaskConsumer(RedisClient redis, DispatchKeys keys, DispatchSettings settings, String name, TaskHandler handler) {
        this(redis, keys, settings, name, handler, TaskListener.NONE);
    }

    /** @param listener hears each task start and each shard tally the completions change */
    public TaskConsumer(RedisClient redis, DispatchKeys keys, DispatchSettings settings, String name, TaskHandler handler, TaskListener listener) {
        this(redis, keys, settings, name, handler, listener, TaskSigner.NONE);
    }

    /** @param verifier refuses tasks that are not authentic: they go to the dead letters with the reason, never to the handler */
    public TaskConsumer(RedisClient redis, DispatchKeys keys, DispatchSettings settings, String name, TaskHandler handler, TaskListener listener,
                        TaskSigner verifier) {
        this(redis, keys, settings, name, handler, listener, verifier, PauseRecords.NONE);
    }

    /** @param pauses keep a job paused whose flag Redis lost (see {@link PauseRecords}) */
    public TaskConsumer(RedisClient redis, DispatchKeys keys, DispatchSettings settings, String name, TaskHandler handler, TaskListener listener,
                        TaskSigner verifier, PauseRecords pauses) {
        this.redis = redis;
        this.listener = listener;
        this.keys = keys;
        this.settings = settings;
        this.name = name;
        this.handler = handler;
        this.reader = new TaskReader(redis, keys, name, settings.deadMaxLen(), verifier);
        this.reclaimer = new Reclaimer(redis, keys, name, settings.visibilityTimeout().toMillis(), reader);
        this.leases = new Leases(redis, keys, name);
        this.flags = new ControlFlags(redis, keys, settings.controlCacheTtl().toMillis(), pauses);
        this.progress = new RunningProgress(keys);
        this.writer = new CompletionWriter(redis, new CompletionCalls(keys, settings, name), settings.batchSize(),
                "dispatch-ack-" + name, this::written, connectionFailures::incrementAndGet, listener, e -> reportFatal(e, "the completion writer"),
                progress);
        this.handlers = Executors.newFixedThreadPool(settings.handlerThreads(),
                Thread.ofPlatform().daemon().name("dispatch-run-" + name + "-", 1).factory());
        this.slots = new Semaphore(settings.maxInFlight());
        this.fetcher = Thread.ofPlatform().daemon().name("dispatch-read-" + name).unstarted(this::readLoop);
    }

    public TaskConsumer(RedisClient redis, String name, TaskHandler handler) {
        this(redis, DispatchKeys.DEFAULT, DispatchSettings.defaults(), name, handler);
    }

    public synchronized TaskConsumer start() {
        if (!running) {
            running = true;
            writer.start();
            fetcher.start();
        }
        return this;
    }

    public String name() {
        return name;
    }

    public ConsumerStats stats() {
        return new ConsumerStats(completed.get(), failed.get(), reclaimed.get(), connectionFailures.get(),
                settings.maxInFlight() - slots.availablePermits(), parkedCount);
    }

    private void readLoop() {
        Backoff backoff = new Backoff(100, 5_000);
        long nextLease = 0;
        long nextPromote = 0;
        long nextReclaim = 0;
        boolean groupsReady = false;
        while (running) {
            try {
                if (!groupsReady) {
                    StreamGroups.ensure(redis, keys);
                    groupsReady = true;
                }
                long now = System.currentTimeMillis();
                if (now >= nextLease) {
                    leases.refresh();
                    nextLease = now + settings.leaseEveryMillis();
                }
                if (now >= nextPromote) {
                    DispatchScripts.PROMOTE.run(redis, List.of(keys.retry(), keys.tasks(Priority.HIGH), keys.tasks(Priority.NORMAL)),
                            List.of(Integer.toString(settings.batchSize())));
                    nextPromote = now + settings.promoteEveryMillis();
                }
                releaseParked();
                if (room() > 0 && now >= nextReclaim) {
                    List<Delivery> taken = reclaimer.reclaim(room());
                    reclaimed.addAndGet(taken.size());
                    route(taken);
                    nextReclaim = now + settings.reclaimEveryMillis();
                }
                int room = room();
                if (room == 0) {
                    if (slots.tryAcquire(settings.blockMillis(), TimeUnit.MILLISECONDS)) {
                        slots.release();
                    }
                    continue;
                }
                route(reader.read(room, settings.blockMillis()));
                if (backoff.reset()) {
                    LOG.info("Consumer {} reaches Redis again", name);
                }
            } catch (JedisConnectionException e) {
                connectionFailures.incrementAndGet();
                LOG.warn("Consumer {} cannot reach Redis, retrying with backoff: {}", name, Reasons.oneLine(e));
                if (!sleep(backoff)) {
                    return;
                }
            } catch (JedisDataException e) {
                // a Redis that lost its data has no group any more: create it again
                groupsReady = !StreamGroups.isMissingGroup(e);
                if (groupsReady) {
                    LOG.error("Consumer {}: {}", name, Reasons.oneLine(e));
                }
                if (!sleep(backoff)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // never let the read thread die silently: its leases would lapse while the process looks alive
                if (TaskFaults.isFatal(e)) {
                    reportFatal(e, "the read loop");
                } else {
                    LOG.error("Consumer {}: unexpected {}, reading again after a pause", name, Reasons.oneLine(e), e);
                }
                if (!sleep(backoff)) {
                    return;
                }
            }
        }
    }

    private static boolean sleep(Backoff backoff) {
        try {
            backoff.pause();
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private int room() {
        return parked.size() >= settings.parkedLimit() ? 0 : slots.availablePermits();
    }

    /** Each delivery takes a slot (given back once its completion is written) and a lease. */
    private void route(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            slots.acquireUninterruptibly();
            leases.hold(delivery);
            ControlFlags.Flags job = flags.of(delivery.task().job());
            if (delivery.attempt() > settings.maxAttempts()) {
                String last = delivery.task().lastError();
                writer.submit(Completion.failed(delivery, "its worker stopped answering (no sign of life within the visibility timeout)"
                        + (last == null ? "" : "; last error: " + last)));
            } else if (job.cancelled()) {
                writer.submit(Completion.cancelled(delivery, List.of()));
            } else if (job.paused()) {
                slots.release();
                parked.add(delivery);
            } else {
                handlers.execute(() -> run(delivery));
            }
        }
        parkedCount = parked.size();
    }

    /** Parked tasks of jobs resumed (or cancelled) since go on, as far as there is room. */
    private void releaseParked() {
        for (Iterator<Delivery> it = parked.iterator(); it.hasNext(); ) {
            Delivery delivery = it.next();
            ControlFlags.Flags job = flags.of(delivery.task().job());
            if ((job.cancelled() || !job.paused()) && slots.tryAcquire()) {
                it.remove();
                if (job.cancelled()) {
                    writer.submit(Completion.cancelled(delivery, List.of()));
                } else {
                    handlers.execute(() -> run(delivery));
                }
            }
        }
        parkedCount = parked.size();
    }

    /** A QUEUED job becomes RUNNING when a worker starts on it; a failure here only delays that until the first completion. */
    private void markStarted(String job) {
        if (startedJobs.contains(job)) {
            return;
        }
        try {
            DispatchScripts.START.run(redis, List.of(keys.job(job)), List.of());
            if (startedJobs.size() > 10_000) {
                startedJobs.clear(); // a long-lived worker: forget old jobs rather than grow
            }
            startedJobs.add(job);
        } catch (RuntimeException e) {
            LOG.debug("Could not mark job {} running: {}", job, Reasons.oneLine(e));
        }
    }

    /**
     * Runs one task. Nothing leaves a task stranded: whatever the handler throws (an {@link Error} too) fails the task
     * with a reason, and its slot and lease are given back once that is written. See {@link TaskFaults}.
     */
    private void run(Delivery delivery) {
        if (abandoning) {
            leave(delivery); // stopped taking tasks: held for the hand-back
            return;
        }
        Task task = delivery.task();
        JobControl control = null;
        Completion completion;
        Throwable fatal = null;
        try {
            control = progress.track(delivery, flags.controlFor(task.job(), settings.controlCacheTtl().toMillis()));
            // cancelled while it waited for a thread (prefetched): acknowledged without running
            completion = control.isCancelled() ? Completion.cancelled(delivery, List.of()) : attempt(delivery, control);
        } catch (InterruptedException e) {
            // stopped hard: the task stays pending and goes to another worker (after the visibility timeout, or at once when handed back)
            leave(delivery);
            return;
        } catch (Throwable e) {
            if (abandoning) {
                leave(delivery); // the worker is handing its tasks back: this one goes back with them, not failed
                return;
            }
            LOG.debug("Task {} of job {} failed on attempt {}", task.id(), task.job(), task.attempt(), e);
            fatal = TaskFaults.isFatal(e) ? e : null;
            completion = cancelledNow(control) ? Completion.cancelled(delivery, List.of()) : Completion.failed(delivery, TaskFaults.reason(e));
        }
        // before the completion is submitted: its count never lands after it; its images' own times go with it
        List<Long> finishedAt = progress.forget(delivery);
        writer.submit(completion.withFinishTimes(finishedAt));
        if (fatal != null) {
            reportFatal(fatal, "task " + task.id() + " of job " + task.job());
        }
    }

    private Completion attempt(Delivery delivery, JobControl control) throws Exception {
        Task task = delivery.task();
        markStarted(task.job());
        try {
            listener.started(task);
        } catch (RuntimeException e) {
            LOG.warn("A task listener failed on task {} of job {}: {}", task.id(), task.job(), Reasons.oneLine(e));
        }
        List<ImageOutcome> outcomes = handler.handle(task, control);
        return control.isCancelled() && outcomes.size() < task.images().size()
                ? Completion.cancelled(delivery, outcomes)
                : Completion.done(delivery, outcomes);
    }

    /** Whether the task's job was cancelled; false when even that cannot be told now. */
    private static boolean cancelledNow(JobControl control) {
        try {
            return control != null && control.isCancelled();
        } catch (Throwable e) {
            return false;
        }
    }

    /** A task that ends without a completion stays pending in the group; while abandoning its lease stays held so it is handed back. */
    private void leave(Delivery delivery) {
        progress.forget(delivery);
        if (!abandoning) {
            leases.release(delivery);
        }
        slots.release();
    }

    /** Tells the owner once per error, never throwing: after an out-of-memory error even logging may fail. */
    private void reportFatal(Throwable error, String where) {
        try {
            LOG.error("Consumer {}: {} in {}; this process is unsound now", name, error, where);
        } catch (Throwable ignored) {
            // nothing to add
        }
        try {
            listener.fatal(error);
        } catch (Throwable e) {
            LOG.warn("A task listener failed on a fatal error: {}", e.toString());
        }
    }

    private void written(Completion completion) {
        (completion.kind() == Completion.Kind.FAILED ? failed : completed).incrementAndGet();
        try {
            listener.acknowledged(completion.delivery().task(), System.nanoTime() - completion.madeNanos());
        } catch (RuntimeException e) {
            LOG.warn("A task listener failed: {}", Reasons.oneLine(e));
        }
        leases.release(completion.delivery());
        slots.release();
    }

    /**
     * For a process that is unsound now ({@link TaskFaults}): stops reading, interrupts the running handlers (their
     * tasks are not failed: they go back), writes the completions already made, and hands every task still held back
     * to the group marked idle, so other workers' next reclaim takes them at once rather than after the visibility
     * timeout. Bounded by {@code within} as a whole; best effort (after an out-of-memory error anything may fail, and
     * what is not handed back is reclaimed after the timeout as usual). Returns how many tasks were handed back.
     */
    public int abandon(java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        stopTaking();
        handlers.shutdownNow();
        try {
            fetcher.join(Math.max(1, remainingMillis(deadline) / 4));
            handlers.awaitTermination(Math.max(1, remainingMillis(deadline) / 3), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close(Math.max(1, remainingMillis(deadline) / 2));
        try {
            int handedBack = leases.handBack(HAND_BACK_IDLE_MILLIS);
            LOG.warn("Consumer {} handed {} task(s) back to other workers", name, handedBack);
            return handedBack;
        } catch (RuntimeException e) {
            LOG.warn("Consumer {} could not hand its tasks back (others reclaim them after the visibility timeout): {}", name, Reasons.oneLine(e));
            return 0;
        }
    }

    /**
     * No more tasks are read and none starts from now on; those held stay held, for {@link #abandon} to hand back.
     * Cheap and allocation-free: fit for the thread that just met a fatal error.
     */
    public void stopTaking() {
        abandoning = true;
        running = false;
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    /**
     * Stops reading, lets running and queued tasks finish and writes their completions (waiting up to
     * 30 s for each stage). Tasks held for paused jobs stay pending and go to other workers later.
     */
    @Override
    public void close() {
        running = false;
        try {
            fetcher.join(DRAIN_MILLIS);
            handlers.shutdown();
            if (!handlers.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                handlers.shutdownNow();
            }
        } catch (InterruptedException e) {
            handlers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        writer.close(DRAIN_MILLIS);
    }
}
