package io.tessera.engine.dispatch;

import io.tessera.engine.Reasons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Progress per image of the tasks a consumer runs. Counters move when a task settles (a task is 10–20 images), so
 * without this a job's progress would jump a task at a time. Handlers tell each finished image through
 * {@link JobControl#imageFinished()}; the completion writer's thread calls {@link #flush} and, at most every
 * {@link #EVERY_MILLIS} ms, writes the tasks whose count moved to their job hashes (progress.lua: field
 * {@code running:<task>}), one pipeline for all jobs: coalesced in time, not per image. A task is forgotten before its
 * completion is submitted, and the writer flushes only after taking its batch, so a count never lands after the
 * completion that deletes it (and progress.lua skips settled tasks, for copies of a task on other workers).
 */
final class RunningProgress {
    static final long EVERY_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(RunningProgress.class);

    private final DispatchKeys keys;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private long nextFlush;

    private static final class Running {
        final String job;
        final String task;
        final AtomicInteger finished = new AtomicInteger();
        /** When each image finished (epoch ms); touched only by the handler's thread. */
        final List<Long> times = new ArrayList<>();
        int written;

        Running(String job, String task) {
            this.job = job;
            this.task = task;
        }
    }

    RunningProgress(DispatchKeys keys) {
        this.keys = keys;
    }

    /** The handler's control for {@code delivery}: the same flags, and each finished image counted. */
    JobControl track(Delivery delivery, JobControl flags) {
        Running counter = new Running(delivery.task().job(), delivery.task().id());
        running.put(delivery.entry().toString(), counter);
        return new JobControl() {
            @Override
            public boolean isCancelled() {
                return flags.isCancelled();
            }

            @Override
            public boolean isPaused() {
                return flags.isPaused();
            }

            @Override
            public boolean proceed() throws InterruptedException {
                return flags.proceed();
            }

            @Override
            public void imageFinished() {
                counter.times.add(System.currentTimeMillis());
                counter.finished.incrementAndGet();
            }
        };
    }

    /**
     * Before the task's completion is submitted (on the handler's thread): its images are counted by the completion from
     * now on. Returns when each of its images finished, in order.
     */
    List<Long> forget(Delivery delivery) {
        Running gone = running.remove(delivery.entry().toString());
        return gone == null ? List.of() : gone.times;
    }

    /** On the writer's thread: writes what moved since the last write, when due. Failures wait for the next flush. */
    void flush(UnifiedJedis redis, long nowMillis) {
        if (nowMillis < nextFlush || running.isEmpty()) {
            return;
        }
        nextFlush = nowMillis + EVERY_MILLIS;
        Map<String, List<String>> byJob = new HashMap<>();
        Map<Running, Integer> moved = new HashMap<>();
        for (Running r : running.values()) {
            int finished = r.finished.get();
            if (finished != r.written) {
                byJob.computeIfAbsent(r.job, j -> new ArrayList<>()).addAll(List.of(r.task, Integer.toString(finished)));
                moved.put(r, finished);
            }
        }
        if (byJob.isEmpty()) {
            return;
        }
        try {
            write(redis, byJob);
        } catch (JedisNoScriptException unknown) {
            DispatchScripts.PROGRESS.ensureLoaded(redis);
            return;
        } catch (RuntimeException e) {
            LOG.debug("Progress of {} task(s) not written now: {}", moved.size(), Reasons.oneLine(e));
            return;
        }
        moved.forEach((r, finished) -> r.written = finished);
    }

    private void write(UnifiedJedis redis, Map<String, List<String>> byJob) {
        List<Response<Object>> answers = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            byJob.forEach((job, pairs) -> answers.add(DispatchScripts.PROGRESS.queue(pipeline, List.of(keys.job(job), keys.settled(job)), pairs)));
            pipeline.sync();
        }
        answers.forEach(Response::get); // throws what the server answered (NOSCRIPT on first use)
    }
}
