package io.tessera.engine.worker;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.Reasons;
import io.tessera.engine.dispatch.ConsumerStats;
import io.tessera.engine.dispatch.Dispatcher;
import io.tessera.engine.dispatch.ShardTally;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.dispatch.TaskConsumer;
import io.tessera.engine.dispatch.TaskListener;
import io.tessera.engine.membership.Coordinator;
import io.tessera.engine.membership.CoordinatorListener;
import io.tessera.engine.membership.CoordinatorSettings;
import io.tessera.engine.membership.SettledShards;
import io.tessera.engine.membership.WorkerInfo;
import io.tessera.engine.membership.WorkerRegistration;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    private final WorkerRegistration registration;
    private final ImageProcessor processor;
    private final WorkerCounters counters;
    private final TaskConsumer consumer;
    private final ShardTracker shards;
    private final Coordinator coordinator;
    private final ScheduledExecutorService figures;
    private boolean closed;

    private Worker(WorkerRegistration registration, ImageProcessor processor, WorkerCounters counters, TaskConsumer consumer,
                   ShardTracker shards, Coordinator coordinator, ScheduledExecutorService figures) {
        this.registration = registration;
        this.processor = processor;
        this.counters = counters;
        this.consumer = consumer;
        this.shards = shards;
        this.coordinator = coordinator;
        this.figures = figures;
    }

    public static Worker start(ClusterConnection connection, WorkerOptions options) throws IOException {
        WorkerInfo info = WorkerInfo.thisProcess(options.threads());
        WorkerCounters counters = new WorkerCounters();
        ImageProcessor processor = new ImageProcessor(options.limits(), options.imageTimeLimit());
        PipelineHandler handler = new PipelineHandler(connection.fileSystem(), processor, counters);
        ZkAccess zk = ZkAccess.of(connection);
        WorkerRegistration registration = WorkerRegistration.register(zk, info, Duration.ofSeconds(15));
        ShardTracker shards = new ShardTracker(new ShardStore(zk), info.id(), SHARD_WRITES_EVERY);
        Dispatcher dispatcher = new Dispatcher(connection.redis(), options.keys(), options.dispatch());
        Coordinator coordinator;
        try {
            coordinator = Coordinator.start(zk, info.id(), CoordinatorSettings.DEFAULT, new CoordinatorLog(info.id()), settledIn(dispatcher),
                    new QueueReconciliation(connection, options.keys(), options.dispatch()));
        } catch (IOException | RuntimeException e) {
            shards.close();
            registration.close();
            processor.close();
            throw e;
        }
        TaskConsumer consumer = new TaskConsumer(connection.redis(), options.keys(), options.dispatch(), info.id(), handler,
                new Listening(shards, processor.times())).start();
        ScheduledExecutorService figures = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("worker-figures").factory());
        Worker worker = new Worker(registration, processor, counters, consumer, shards, coordinator, figures);
        long every = options.figuresEvery().toMillis();
        figures.scheduleWithFixedDelay(worker::publishFigures, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Worker {} started with {} threads (pixel limit {} MP)", info.id(), options.threads(), options.limits().maxPixels() / 1_000_000);
        return worker;
    }

    /** A shard whose tasks dispatch has all settled ends as its tally says (see {@link ShardTracker#counted}). */
    private static SettledShards settledIn(Dispatcher dispatcher) {
        return (jobId, shard) -> dispatcher.shardTally(jobId, shard).filter(ShardTally::settled)
                .map(tally -> record -> ShardTracker.counted(record, tally, record.owner()).orElse(record));
    }

    /** The consumer's news: shard states to ZooKeeper, acknowledgement waits to the stage times. */
    private record Listening(ShardTracker shards, StageTimes times) implements TaskListener {
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
        LOG.info("Worker {} stopped after {} images done, {} failed", id(), counters.done(), counters.failed());
    }
}
