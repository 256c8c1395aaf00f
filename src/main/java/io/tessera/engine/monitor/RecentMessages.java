package io.tessera.engine.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} messages, oldest dropped first; safe to use from any thread. */
final class RecentMessages {
    private final int capacity;
    private final ArrayDeque<MonitorMessage> messages;

    RecentMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the message buffer holds at least one message");
        }
        this.capacity = capacity;
        this.messages = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    synchronized void add(MonitorMessage message) {
        if (messages.size() == capacity) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    /** Newest first. */
    synchronized List<MonitorMessage> newestFirst() {
        List<MonitorMessage> copy = new ArrayList<>(messages);
        java.util.Collections.reverse(copy);
        return copy;
    }

    synchronized void clear() {
        messages.clear();
    }
}
