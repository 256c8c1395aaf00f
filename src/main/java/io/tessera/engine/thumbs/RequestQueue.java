package io.tessera.engine.thumbs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The thumbnail service's waiting requests: the most urgent first (lowest priority number, then the newest, which
 * suits scrolling), at most one making per key at a time (a second request for a key being made waits for that
 * making instead of decoding the photo again), bounded (past the capacity the least urgent, oldest request is
 * pushed out). A few hundred requests at most, so a scan per take is cheaper than keeping an ordered structure
 * whose order changes with every {@link Request#prioritise}.
 */
final class RequestQueue {
    /** Most urgent first: lower priority, then newer. */
    private static final Comparator<Request> URGENCY = Comparator.<Request>comparingInt(r -> r.priority).thenComparing(r -> -r.sequence);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Request> pending = new ArrayList<>();
    private final Set<ThumbnailKey> making = new HashSet<>();
    private long sequence;

    /** Queues a request; returns those pushed out past {@code capacity} (to be answered as dropped). */
    List<Request> add(Request request, int capacity) {
        List<Request> pushedOut = new ArrayList<>();
        lock.lock();
        try {
            request.sequence = sequence++;
            pending.add(request);
            while (pending.size() > capacity) {
                Request least = pending.stream().max(URGENCY).orElseThrow();
                pending.remove(least);
                pushedOut.add(least);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return pushedOut;
    }

    void remove(Request request) {
        lock.lock();
        try {
            pending.remove(request);
        } finally {
            lock.unlock();
        }
    }

    void prioritise(Request request, int priority) {
        lock.lock();
        try {
            request.priority = priority;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The most urgent request whose key nobody is making, its key then marked as being made; null when none came
     * within the time. Call {@link #finish} with the key afterwards.
     */
    Request take(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (true) {
                Request best = null;
                for (Request r : pending) {
                    if (!making.contains(r.key) && (best == null || URGENCY.compare(r, best) < 0)) {
                        best = r;
                    }
                }
                if (best != null) {
                    pending.remove(best);
                    making.add(best.key);
                    return best;
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The key is made: returns the requests that waited for it meanwhile (removed from the queue). */
    List<Request> finish(ThumbnailKey key) {
        lock.lock();
        try {
            making.remove(key);
            List<Request> same = pending.stream().filter(r -> r.key.equals(key)).toList();
            pending.removeAll(same);
            changed.signalAll();
            return same;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            pending.clear();
        } finally {
            lock.unlock();
        }
    }

    /** One waiting request; whoever claims it first (a worker answering, or a cancel) wins. */
    static final class Request {
        final ThumbnailKey key;
        final Consumer<ThumbnailResult> callback;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private int priority;
        private long sequence;

        Request(ThumbnailKey key, int priority, Consumer<ThumbnailResult> callback) {
            this.key = key;
            this.priority = priority;
            this.callback = callback;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        boolean cancelled() {
            return claimed.get();
        }
    }
}
