package io.tessera.engine.monitor;

import io.tessera.engine.connect.Backoff;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;

/**
 * One dedicated connection and thread (Jedis pub/sub blocks the thread that reads). It keeps the set of wanted
 * subscriptions; the wire is brought in step with it whenever the server confirms something and whenever the set
 * changes. With nothing wanted the connection is closed and the thread waits. A lost connection is opened again
 * with backoff (100 ms doubling to 5 s, each wait a random point in its upper half) and everything wanted is
 * subscribed again; messages published meanwhile are lost, as pub/sub is at most once.
 */
final class Subscriber implements AutoCloseable, Wire.Events {
    interface Sink {
        void received(Subscription via, String channel, byte[] payload);

        void state(Subscriber subscriber, MonitorState state);
    }

    private final String name;
    private final Supplier<Jedis> connect;
    private final Function<Wire.Events, Wire> wires;
    private final Function<Throwable, String> describe;
    private final Sink sink;
    private final Set<Subscription> wanted = new LinkedHashSet<>();
    private final Thread thread;
    /** What the current wire was asked to subscribe; reset with each connection. */
    private Set<Subscription> sent = new HashSet<>();
    /** What the server confirmed on the current connection. */
    private final Set<Subscription> active = new HashSet<>();
    private Wire wire;
    private boolean ready;
    private Jedis open;
    private boolean closed;

    Subscriber(String name, Supplier<Jedis> connect, Function<Wire.Events, Wire> wires, Function<Throwable, String> describe, Sink sink) {
        this.name = name;
        this.connect = connect;
        this.wires = wires;
        this.describe = describe;
        this.sink = sink;
        this.thread = Thread.ofPlatform().daemon().name("redis-monitor-" + name).unstarted(this::loop);
    }

    Subscriber start() {
        thread.start();
        return this;
    }

    synchronized void add(Subscription subscription) {
        wanted.add(subscription);
        changed();
    }

    synchronized void remove(Subscription subscription) {
        wanted.remove(subscription);
        changed();
    }

    /** Whether the server confirmed the subscription on the current connection. */
    synchronized boolean isActive(Subscription subscription) {
        return active.contains(subscription);
    }

    private void changed() {
        if (ready) {
            sync();
        } else {
            notifyAll();
        }
    }

    /** Under the lock, with a confirmed wire: subscribe what is wanted and not sent, unsubscribe what is sent and not wanted. */
    private void sync() {
        for (Subscription s : wanted) {
            if (sent.add(s)) {
                wire.subscribe(s);
            }
        }
        for (Subscription s : Set.copyOf(sent)) {
            if (!wanted.contains(s)) {
                sent.remove(s);
                wire.unsubscribe(s);
            }
        }
    }

    @Override
    public void confirmed(Wire confirmedWire, Subscription subscription, boolean nowActive) {
        boolean first;
        synchronized (this) {
            if (confirmedWire != wire || closed) {
                return;
            }
            if (nowActive) {
                active.add(subscription);
            } else {
                active.remove(subscription);
            }
            first = !ready;
            ready = true;
            sync();
        }
        if (first) {
            sink.state(this, new MonitorState(MonitorState.Phase.LISTENING, name + " connection open"));
        }
    }

    @Override
    public void received(Subscription via, byte[] channel, byte[] payload) {
        sink.received(via, new String(channel, StandardCharsets.UTF_8), payload);
    }

    private void loop() {
        int failures = 0;
        while (true) {
            Subscription first;
            synchronized (this) {
                while (!closed && wanted.isEmpty()) {
                    sink.state(this, MonitorState.IDLE);
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                first = wanted.iterator().next();
            }
            if (failures == 0) {
                sink.state(this, new MonitorState(MonitorState.Phase.CONNECTING, "opening the " + name + " connection"));
            }
            Jedis jedis = null;
            try {
                jedis = connect.get();
                Wire next = wires.apply(this);
                synchronized (this) {
                    if (closed) {
                        jedis.close();
                        return;
                    }
                    open = jedis;
                    wire = next;
                    sent = new HashSet<>(Set.of(first));
                    ready = false;
                }
                jedis.getConnection().setTimeoutInfinite();
                next.run(jedis.getConnection(), first);
                failures = 0;
            } catch (RuntimeException e) { // JedisException mostly; anything else is retried the same way
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                }
                failures++;
                sink.state(this, new MonitorState(MonitorState.Phase.RECONNECTING, describe.apply(e) + "; trying again"));
                if (!pause(failures)) {
                    return;
                }
            } finally {
                synchronized (this) {
                    wire = null;
                    ready = false;
                    open = null;
                    active.clear();
                }
                if (jedis != null) {
                    jedis.close();
                }
            }
        }
    }

    private boolean pause(int failures) {
        long delay = Backoff.delayMillis(100, 5_000, failures - 1);
        synchronized (this) {
            long until = System.currentTimeMillis() + delay;
            for (long left = delay; !closed && left > 0; left = until - System.currentTimeMillis()) {
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return !closed;
        }
    }

    @Override
    public void close() {
        Jedis current;
        synchronized (this) {
            closed = true;
            current = open;
            notifyAll();
        }
        if (current != null) {
            current.close();
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
