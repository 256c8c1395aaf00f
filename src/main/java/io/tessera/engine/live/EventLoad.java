package io.tessera.engine.live;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventJson;
import io.tessera.engine.events.EventKeys;
import io.tessera.engine.events.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Load for the live-events benchmark: IMAGE_DONE events published at a steady rate through {@link EventPublisher}
 * (the same script as the workers), each carrying its send time ({@link #SENT} in its metrics, {@link System#nanoTime()}
 * of this JVM), and the baseline reader: a plain pub/sub subscriber without replay, ordering or UI.
 */
public final class EventLoad {
    public static final String SENT = "sentNanos";
    private static final Duration TICK = Duration.ofMillis(10);

    private EventLoad() {}

    /** What was published: events, and the seconds it took. */
    public record Published(long events, double seconds) {
        public double rate() {
            return events / seconds;
        }
    }

    /** Publishes {@code rate} events per second for {@code duration}, in pipelined batches every 10 ms. */
    public static Published publish(ClusterConnection connection, EventKeys keys, int rate, Duration duration, int workers, int jobs) {
        EventPublisher publisher = new EventPublisher(connection.redis(), keys, EventPublisher.DEFAULT_MAX_LEN);
        long ticks = duration.toMillis() / TICK.toMillis();
        long start = System.nanoTime();
        long sent = 0;
        for (long tick = 0; tick < ticks; tick++) {
            long due = start + tick * TICK.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            long target = (tick + 1) * rate * TICK.toMillis() / 1000;
            List<Event> batch = new ArrayList<>((int) (target - sent));
            long now = System.nanoTime();
            for (long i = sent; i < target; i++) {
                String job = "bench-job-" + (i % jobs);
                batch.add(Event.imageDone(job, "bench-worker-" + (i % workers), "/bench/in/" + i + ".jpg", "/bench/out/" + i + ".jpg",
                        Map.of(SENT, now, "millis", 3)));
            }
            publisher.publishAll(batch);
            sent = target;
        }
        return new Published(sent, (System.nanoTime() - start) / 1e9);
    }

    /** The send time an event carries, or -1. */
    public static long sentNanos(Event event) {
        Object sent = event.metrics() == null ? null : event.metrics().get(SENT);
        return sent instanceof Number n ? n.longValue() : -1;
    }

    /** What the baseline subscriber saw. */
    public record Received(long events, double seconds, Latencies latencies) {
        public double rate() {
            return events / seconds;
        }
    }

    /**
     * Baseline: a plain subscriber on the global channel (parsing each event, as any reader must) while
     * {@code load} runs on this thread; returns once the load is done and the last event arrived (or 10 s passed).
     */
    public static Received rawSubscriber(ClusterConnection connection, EventKeys keys, Runnable load) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong received = new AtomicLong();
        AtomicLong firstNanos = new AtomicLong();
        AtomicLong lastNanos = new AtomicLong();
        CountDownLatch subscribed = new CountDownLatch(1);
        JedisPubSub subscriber = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                long now = System.nanoTime();
                long sent = sentNanos(EventJson.read(message));
                if (sent > 0) {
                    latencies.add(now - sent);
                }
                firstNanos.compareAndSet(0, now);
                lastNanos.set(now);
                received.incrementAndGet();
            }
        };
        Jedis jedis = ClientFactory.redisConnection(connection.target(), Duration.ofSeconds(10));
        Thread thread = Thread.ofPlatform().daemon().name("bench-raw-subscriber").start(() -> {
            try {
                jedis.subscribe(subscriber, keys.allChannel());
            } catch (RuntimeException e) {
                System.err.println("baseline subscriber stopped: " + Reasons.oneLine(e));
            }
        });
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the baseline subscriber did not subscribe within 10 s");
        }
        long before = received.get();
        load.run();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long seen = -1;
        while (System.nanoTime() < deadline && received.get() != seen) {
            seen = received.get();
            Thread.sleep(300);
        }
        subscriber.unsubscribe();
        thread.join(2_000);
        jedis.close();
        long events = received.get() - before;
        return new Received(events, Math.max(1e-9, (lastNanos.get() - firstNanos.get()) / 1e9), latencies);
    }

    /** Deletes the results stream a run wrote. */
    public static void remove(ClusterConnection connection, EventKeys keys) {
        connection.redis().del(keys.results());
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
