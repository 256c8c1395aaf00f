package io.tessera.engine.dispatch;

import io.tessera.engine.connect.Backoff;
import io.tessera.engine.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Writes completions on its own thread, up to {@code batchSize} per pipeline. Every script call is
 * idempotent, so when Redis cannot be reached the whole batch is simply sent again after a backoff:
 * nothing a handler finished is lost, and nothing is counted twice. Between batches it writes the running tasks'
 * progress per image ({@link RunningProgress}), a few times a second.
 */
final class CompletionWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompletionWriter.class);

    private final RedisClient redis;
    private final CompletionCalls calls;
    private final int batchSize;
    private final Consumer<Completion> written;
    private final Runnable connectionFailed;
    private final TaskListener listener;
    private final Consumer<Throwable> fatal;
    private final RunningProgress progress;
    private final BlockingQueue<Completion> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean abandoned;

    /** @param fatal hears an error that leaves the process unsound ({@link TaskFaults}); the writer goes on after a pause */
    CompletionWriter(RedisClient redis, CompletionCalls calls, int batchSize, String name, Consumer<Completion> written, Runnable connectionFailed,
                     TaskListener listener, Consumer<Throwable> fatal, RunningProgress progress) {
        this.listener = listener;
        this.progress = progress;
        this.fatal = fatal;
        this.redis = redis;
        this.calls = calls;
        this.batchSize = batchSize;
        this.written = written;
        this.connectionFailed = connectionFailed;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void submit(Completion completion) {
        queue.add(completion);
    }

    private void loop() {
        Backoff backoff = new Backoff(100, 5_000);
        List<Completion> batch = new ArrayList<>();
        while (!abandoned && (running || !queue.isEmpty() || !batch.isEmpty())) {
            try {
                if (batch.isEmpty()) {
                    Completion first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, batchSize - 1);
                    }
                }
                if (!batch.isEmpty()) {
                    write(batch);
                    batch.clear();
                    if (backoff.reset()) {
                        LOG.info("Acknowledging tasks again after Redis came back");
                    }
                }
                // after the batch was taken: a task whose completion is in it was forgotten before, so its count cannot follow it
                progress.flush(redis, System.currentTimeMillis());
            } catch (JedisConnectionException e) {
                connectionFailed.run();
                LOG.warn("Cannot acknowledge {} task(s) now, will try again: {}", batch.size(), Reasons.oneLine(e));
                pauseQuietly(backoff);
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // never let this thread die: every slot and lease waits for it. The batch is sent again (idempotent).
                if (TaskFaults.isFatal(e)) {
                    fatal.accept(e);
                } else {
                    LOG.error("Unexpected {} while acknowledging {} task(s); trying again after a pause", Reasons.oneLine(e), batch.size(), e);
                }
                pauseQuietly(backoff);
            }
        }
    }

    private void write(List<Completion> batch) {
        List<List<Completion>> calls = CompletionCalls.calls(batch);
        List<Response<Object>> answers = new ArrayList<>(calls.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            calls.forEach(call -> answers.add(this.calls.queue(pipeline, call)));
            pipeline.sync();
        }
        for (int i = 0; i < calls.size(); i++) {
            try {
                tell(calls.get(i).getFirst().delivery().task().job(), answers.get(i).get());
            } catch (JedisNoScriptException unknown) {
                // Redis restarted (or first use): load the scripts and send the rest again; repeats are no-ops
                DispatchScripts.loadPipelined(redis);
                write(calls.subList(i, calls.size()).stream().flatMap(List::stream).toList());
                return;
            } catch (RuntimeException e) {
                // left pending: the reclaimer offers them again after the visibility timeout
                Task task = calls.get(i).getFirst().delivery().task();
                LOG.error("{} task(s) of job {} could not be acknowledged (first: {}): {}", calls.get(i).size(), task.job(), task.id(), Reasons.oneLine(e));
            }
            calls.get(i).forEach(written);
        }
    }

    private void tell(String job, Object answer) {
        for (ShardTally tally : ShardTally.fromAnswer(job, answer)) {
            try {
                listener.counted(tally);
            } catch (RuntimeException e) {
                LOG.warn("A task listener failed on shard {} of job {}: {}", tally.shard(), job, Reasons.oneLine(e));
            }
        }
    }

    private void pauseQuietly(Backoff backoff) {
        try {
            backoff.pause();
        } catch (InterruptedException e) {
            // closing gave up waiting for Redis: what is left stays pending and is reclaimed later
            abandoned = true;
        }
    }

    /** Writes what is queued (retrying while Redis is away, up to {@code waitMillis}) and stops. */
    void close(long waitMillis) {
        running = false;
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    @Override
    public void close() {
        close(30_000);
    }
}
