package io.tessera.engine.worker;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.ConsumerStats;
import io.tessera.engine.dispatch.Dispatcher;
import io.tessera.engine.dispatch.ShardTally;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.dispatch.TaskConsumer;
import io.tessera.engine.dispatch.TaskFaults;
import io.tessera.engine.dispatch.TaskHandler;
import io.tessera.engine.dispatch.TaskListener;
import io.tessera.engine.dispatch.TaskSigner;
import io.tessera.engine.membership.Coordinator;
import io.tessera.engine.membership.CoordinatorListener;
import io.tessera.engine.membership.CoordinatorSettings;
import io.tessera.engine.membership.SettledShards;
import io.tessera.engine.membership.WorkerInfo;
import io.tessera.engine.membership.WorkerRegistration;
import io.tessera.engine.membership.WorkerRequest;
import io.tessera.engine.membership.WorkerRequests;
import io.tessera.engine.security.TaskKey;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.store.TemporarySweeper;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker: registered in ZooKeeper ({@code workers/<id>}, with live figures), consuming tasks from Redis
 * with N image threads, running pipelines on HDFS images, keeping the shard states of its jobs in
 * ZooKeeper ({@link ShardTracker}), and standing as a coordinator candidate: whichever worker leads puts
 * the shards of vanished workers back in play. {@link #close()} drains: no new tasks are read, the images
 * at hand finish and are acknowledged, then the worker leaves membership. The headless
 * {@code tessera worker} and the console's pool both run this.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /** Shard figures reach ZooKeeper at most this often per shard and worker (ends go at once). */
    private static final Duration SHARD_WRITES_EVERY = Duration.ofSeconds(1);
    /** How long stopping after a fatal error may take before the policy is told anyway. */
    private static final Duration FATAL_STOP_LIMIT = Duration.ofSeconds(20);
    /** Of that, handing the tasks back (interrupting handlers, writing completions made, marking the rest idle). */
    private static final Duration HAND_BACK_LIMIT = Duration.ofSeconds(10);
    /** Held while all is well and let go first after a fatal error, so that stopping has some heap to work with. */
    private static final int RESERVE_BYTES = 4 * 1024 * 1024;

    private final WorkerRegistration registration;
    private final ImageProcessor processor;
    private final ImageLanes lanes;
    private final WorkerCounters counters;
    private final TaskConsumer consumer;
    private final ShardTracker shards;
    private final Coordinator coordinator;
    private final ScheduledExecutorService figures;
    private final FatalErrorPolicy onFatal;
    private final AtomicBoolean fatal = new AtomicBoolean();
    private final WorkerRequests requests;
    private final CompletableFuture<WorkerRequest> stoppedOnRequest = new CompletableFuture<>();
    private final AtomicBoolean actingOnRequest = new AtomicBoolean();
    @SuppressWarnings("unused") // only held, to be let go (see RESERVE_BYTES)
    private volatile byte[] reserve = new byte[RESERVE_BYTES];
    private boolean closed;

    private Worker(WorkerRegistration registration, ImageProcessor processor, ImageLanes lanes, WorkerCounters counters, TaskConsumer consumer,
                   ShardTracker shards, Coordinator coordinator, ScheduledExecutorService figures, FatalErrorPolicy onFatal,
                   WorkerRequests requests) {
        this.onFatal = onFatal;
        this.requests = requests;
        this.registration = registration;
        this.processor = processor;
        this.lanes = lanes;
        this.counters = counters;
        this.consumer = consumer;
        this.shards = shards;
        this.coordinator = coordinator;
        this.figures = figures;
    }

    public static Worker start(ClusterConnection connection, WorkerOptions options) throws IOException {
        WorkerInfo info = WorkerInfo.thisProcess(options.threads());
        WorkerCounters counters = new WorkerCounters();
        ImageProcessor processor = new ImageProcessor(options.limits(), options.imageTimeLimit(), new StageTimes(), options.threads());
        ImageLanes lanes = new ImageLanes(options.imageLanes());
        TaskHandler handler = options.handlerHook().apply(new PipelineHandler(connection.fileSystem(), processor, counters,
                new InputBudget(options.inputBudgetBytes()), lanes));
        ZkAccess zk = ZkAccess.of(connection);
        WorkerRegistration registration = WorkerRegistration.register(zk, info, Duration.ofSeconds(15));
        PlanStore plans = PlanStore.of(connection);
        ShardTracker shards = new ShardTracker(new ShardStore(zk), info.id(), SHARD_WRITES_EVERY,
                new StaleOutputSweep(new TemporarySweeper(connection.fileSystem()), plans::inputsOf, info.id()));
        // refuses to start without the cluster's task key: a worker runs only tasks it can check
        TaskSigner signer = TaskKey.signer(zk);
        Dispatcher dispatcher = new Dispatcher(connection.redis(), options.keys(), options.dispatch(), signer);
        Coordinator coordinator;
        try {
            coordinator = Coordinator.start(zk, info.id(), CoordinatorSettings.DEFAULT, new CoordinatorLog(info.id()), settledIn(dispatcher),
                    new QueueReconciliation(connection, options.keys(), options.dispatch(), signer));
        } catch (IOException | RuntimeException e) {
            shards.close();
            registration.close();
            processor.close();
            lanes.close();
            throw e;
        }
        AtomicReference<Worker> self = new AtomicReference<>();
        TaskConsumer consumer = new TaskConsumer(connection.redis(), options.keys(), options.dispatch().withHandlerThreads(options.handlerThreads()), info.id(), handler,
                new Listening(shards, processor.times(), error -> self.get().fatal(error)), signer, plans::isPaused);
        ScheduledExecutorService figures = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("worker-figures").factory());
        Worker worker = new Worker(registration, processor, lanes, counters, consumer, shards, coordinator, figures, options.onFatal(),
                new WorkerRequests(zk));
        self.set(worker);
        consumer.start();
        long every = options.figuresEvery().toMillis();
        figures.scheduleWithFixedDelay(() -> {
            worker.publishFigures();
            worker.actOnRequest();
        }, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Worker {} started with {} threads (pixel limit {} MP, inputs up to {} MB)", info.id(), options.threads(),
                options.limits().maxPixels() / 1_000_000, options.limits().maxFileBytes() / (1024 * 1024));
        warnIfInputsMayNotFit(options);
        return worker;
    }

    /** Each thread holds a whole input in memory besides its pixels: say so when the cap times the threads is a large part of the heap. */
    private static void warnIfInputsMayNotFit(WorkerOptions options) {
        long heap = Runtime.getRuntime().maxMemory();
        long inputs = options.limits().maxFileBytes() * options.threads();
        if (inputs > heap / 2) {
            LOG.warn("Inputs of up to {} MB on {} threads may not fit in this JVM's heap of {} MB: give it more heap (-Xmx), fewer threads, "
                    + "or lower the profile's input size cap", options.limits().maxFileBytes() / (1024 * 1024), options.threads(), heap / (1024 * 1024));
        }
    }

    /** A shard whose tasks dispatch has all settled ends as its tally says (see {@link ShardTracker#counted}). */
    private static SettledShards settledIn(Dispatcher dispatcher) {
        return (jobId, shard) -> dispatcher.shardTally(jobId, shard).filter(ShardTally::settled)
                .map(tally -> record -> ShardTracker.counted(record, tally, record.owner()).orElse(record));
    }

    /** The consumer's news: shard states to ZooKeeper, acknowledgement waits to the stage times, fatal errors to the worker. */
    private record Listening(ShardTracker shards, StageTimes times, Consumer<Throwable> fatal) implements TaskListener {
        @Override
        public void fatal(Throwable error) {
            fatal.accept(error);
        }

        @Override
        public void started(Task task) {
            shards.started(task);
        }

        @Override
        public void counted(ShardTally tally) {
            shards.counted(tally);
        }

        @Override
        public void acknowledged(Task task, long waitedNanos) {
            times.add(StageTimes.Stage.ACK, waitedNanos);
        }
    }

    /** The coordinator's news in this worker's log. */
    private record CoordinatorLog(String worker) implements CoordinatorListener {
        @Override
        public void actingChanged(boolean acting) {
            LOG.info(acting ? "Worker {} leads the coordination of shards" : "Worker {} no longer leads the coordination of shards", worker);
        }

        @Override
        public void shardRecovered(String jobId, String vanishedWorker, ShardRecord now) {
            LOG.info("Shard {} of job {} held by vanished worker {} is {} now", now.index(), jobId, vanishedWorker, now.state());
        }

        @Override
        public void sweepFailed(Exception error) {
            LOG.warn("Looking for shards of vanished workers failed (tried again later): {}", Reasons.oneLine(error));
        }
    }

    /** True while this worker's coordinator leads (one worker of a cluster at a time). */
    public boolean isCoordinating() {
        return coordinator.isActing();
    }

    public String id() {
        return registration.info().id();
    }

    /** Where this worker's time went so far, per stage (read, decode, ops, encode, write, acknowledgement). */
    public StageTimes stageTimes() {
        return processor.times();
    }

    public WorkerCounters counters() {
        return counters;
    }

    public ConsumerStats consumerStats() {
        return consumer.stats();
    }

    private void publishFigures() {
        try {
            registration.updateFigures(counters.figures());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Worker {} could not publish its figures: {}", id(), e.toString()); // the next round tries again
        }
    }

    /**
     * Acts on an operator's request waiting in ZooKeeper ({@link WorkerRequests}), once, on a thread of its own: drain
     * as {@link #close()} does, or stop by handing the tasks back first. {@link #stoppedOnRequest()} completes after.
     */
    private void actOnRequest() {
        Optional<WorkerRequest> request;
        try {
            request = requests.pending(id());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Worker {} could not look for requests: {}", id(), e.toString()); // the next round looks again
            return;
        }
        if (request.isEmpty() || !actingOnRequest.compareAndSet(false, true)) {
            return;
        }
        WorkerRequest asked = request.get();
        Thread.ofPlatform().daemon().name("worker-request").start(() -> {
            LOG.info("Worker {}: {} asked by {} at {}", id(), asked.action() == WorkerRequest.Action.DRAIN ? "drain" : "stop", asked.by(), asked.at());
            try {
                if (asked.action() == WorkerRequest.Action.STOP) {
                    int handedBack = consumer.abandon(HAND_BACK_LIMIT);
                    LOG.info("Worker {} handed {} task(s) back to the others", id(), handedBack);
                }
                close();
                requests.clear(id());
            } catch (Exception | Error e) {
                LOG.warn("Worker {} did not finish acting on the {} request cleanly: {}", id(), asked.action(), e.toString());
            } finally {
                stoppedOnRequest.complete(asked);
            }
        });
    }

    /** Completes once this worker stopped because an operator asked it to ({@link WorkerRequests}): a headless worker then exits. */
    public CompletableFuture<WorkerRequest> stoppedOnRequest() {
        return stoppedOnRequest;
    }

    /**
     * This process became unsound ({@link TaskFaults#isFatal}; the consumer calls this, and so may a process's
     * uncaught-exception handler). Once: lets go of the memory reserve, hands the worker's tasks back
     * ({@link TaskConsumer#abandon}), stops the worker and leaves membership, then tells the {@link FatalErrorPolicy},
     * all on a thread of its own and within a time limit. Returns at once.
     */
    public void fatal(Throwable error) {
        if (!fatal.compareAndSet(false, true)) {
            return;
        }
        reserve = null;
        consumer.stopTaking(); // at once, on this thread: no other task starts in an unsound process
        try {
            Thread.ofPlatform().daemon().name("worker-fatal").start(() -> {
                Thread stopping = Thread.ofPlatform().daemon().name("worker-fatal-stop").start(() -> stopAfter(error));
                try {
                    stopping.join(FATAL_STOP_LIMIT);
                } catch (InterruptedException ignored) {
                    // tell the policy now
                }
                if (stopping.isAlive()) {
                    LOG.error("Worker {} did not finish stopping within {} s after the fatal error", id(), FATAL_STOP_LIMIT.toSeconds());
                }
                onFatal.stopped(this, error);
            });
        } catch (Throwable noThread) {
            // not even a thread to be had (out of native memory): do it here
            stopAfter(error);
            onFatal.stopped(this, error);
        }
    }

    /** True once a fatal error stopped (or is stopping) this worker. */
    public boolean stoppedByFatalError() {
        return fatal.get();
    }

    private void stopAfter(Throwable error) {
        try {
            LOG.error("Worker {} stops after {}: handing its tasks back", id(), error.toString());
            int handedBack = consumer.abandon(HAND_BACK_LIMIT);
            close();
            LOG.error("Worker {} stopped after a fatal error; {} task(s) handed back", id(), handedBack);
        } catch (Throwable e) {
            LOG.error("Worker {} did not stop cleanly after the fatal error: {}", id(), e.toString());
        }
    }

    /** Drains and leaves: current images finish and are acknowledged, then the membership node goes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Worker {} draining", id());
        consumer.close();
        shards.close();
        coordinator.close();
        figures.shutdownNow();
        publishFigures();
        registration.close();
        processor.close();
        lanes.close();
        LOG.info("Worker {} stopped after {} images done, {} failed", id(), counters.done(), counters.failed());
    }
}
