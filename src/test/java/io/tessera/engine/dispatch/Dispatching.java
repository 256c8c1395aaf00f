package io.tessera.engine.dispatch;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventReplay;
import io.tessera.testing.SharedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** One test's dispatch world on the shared Redis: its own key prefix, its consumers, cleaned up on close. */
final class Dispatching implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final ClusterConnection connection;
    final RedisClient redis;
    final DispatchKeys keys;
    final DispatchSettings settings;
    final Dispatcher dispatcher;
    private final List<TaskConsumer> consumers = new ArrayList<>();

    Dispatching(ConnectionTarget target, DispatchSettings settings) {
        this.connection = new ClusterConnection(target);
        this.redis = connection.redis();
        this.keys = new DispatchKeys("t-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        this.settings = settings;
        this.dispatcher = new Dispatcher(redis, keys, settings);
    }

    /** Short times so retries and reclaims happen within a test. */
    static DispatchSettings quick() {
        return DispatchSettings.defaults().withHandlerThreads(2).withPrefetch(4)
                .withVisibilityTimeout(Duration.ofSeconds(30)).withRetries(3, Duration.ofMillis(50), Duration.ofMillis(400));
    }

    static Dispatching onSharedRedis(DispatchSettings settings) {
        return new Dispatching(SharedCluster.target(), settings);
    }

    TaskConsumer consumer(String name, TaskHandler handler) {
        return consumer(name, handler, TaskListener.NONE, settings);
    }

    TaskConsumer consumer(String name, TaskHandler handler, TaskListener listener, DispatchSettings own) {
        TaskConsumer consumer = new TaskConsumer(redis, keys, own, name, handler, listener);
        consumers.add(consumer);
        return consumer.start();
    }

    JobStatus status(String job) {
        return dispatcher.status(job).orElseThrow();
    }

    /** Waits for the job's status to satisfy {@code condition}; a pooled connection broken by a Redis restart is just a "not yet". */
    JobStatus await(String job, Predicate<JobStatus> condition) {
        Await.until(WAIT, () -> {
            try {
                return condition.test(status(job));
            } catch (JedisConnectionException stale) {
                return false;
            }
        }, () -> status(job).toString());
        return status(job);
    }

    List<Event> events() {
        return new EventReplay(redis, keys.events()).after(null, 100_000);
    }

    static List<String> images(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> "/in/" + prefix + "/img-" + i + ".jpg").toList();
    }

    /** A handler that succeeds for every image, writing nothing. */
    static List<ImageOutcome> allDone(Task task) {
        return task.images().stream().map(i -> ImageOutcome.done(i, i.replace("/in/", "/out/"), java.util.Map.of("ms", 1))).toList();
    }

    @Override
    public void close() {
        consumers.forEach(TaskConsumer::close);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match(keys.prefix() + "*").count(500));
            if (!page.getResult().isEmpty()) {
                redis.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        connection.close();
    }
}
