package io.tessera.engine.worker;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.ConsumerStats;
import io.tessera.engine.dispatch.TaskConsumer;
import io.tessera.engine.membership.WorkerInfo;
import io.tessera.engine.membership.WorkerRegistration;
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
 * with N image threads, running pipelines on HDFS images. {@link #close()} drains: no new tasks are read,
 * the images at hand finish and are acknowledged, then the worker leaves membership. The headless
 * {@code tessera worker} and the console's pool both run this.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final WorkerRegistration registration;
    private final ImageProcessor processor;
    private final WorkerCounters counters;
    private final TaskConsumer consumer;
    private final ScheduledExecutorService figures;
    private boolean closed;

    private Worker(WorkerRegistration registration, ImageProcessor processor, WorkerCounters counters, TaskConsumer consumer,
                   ScheduledExecutorService figures) {
        this.registration = registration;
        this.processor = processor;
        this.counters = counters;
        this.consumer = consumer;
        this.figures = figures;
    }

    public static Worker start(ClusterConnection connection, WorkerOptions options) throws IOException {
        WorkerInfo info = WorkerInfo.thisProcess(options.threads());
        WorkerCounters counters = new WorkerCounters();
        ImageProcessor processor = new ImageProcessor(options.limits(), options.imageTimeLimit());
        PipelineHandler handler = new PipelineHandler(connection.fileSystem(), processor, counters);
        WorkerRegistration registration = WorkerRegistration.register(ZkAccess.of(connection), info, Duration.ofSeconds(15));
        TaskConsumer consumer = new TaskConsumer(connection.redis(), options.keys(), options.dispatch(), info.id(), handler).start();
        ScheduledExecutorService figures = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("worker-figures").factory());
        Worker worker = new Worker(registration, processor, counters, consumer, figures);
        long every = options.figuresEvery().toMillis();
        figures.scheduleWithFixedDelay(worker::publishFigures, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Worker {} started with {} threads (pixel limit {} MP)", info.id(), options.threads(), options.limits().maxPixels() / 1_000_000);
        return worker;
    }

    public String id() {
        return registration.info().id();
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
        figures.shutdownNow();
        publishFigures();
        registration.close();
        processor.close();
        LOG.info("Worker {} stopped after {} images done, {} failed", id(), counters.done(), counters.failed());
    }
}
