package io.tessera.engine.dispatch;

import redis.clients.jedis.StreamEntryID;

/**
 * A task as this consumer received it: which stream entry to acknowledge, and the attempt it is on
 * (the task's own count plus earlier deliveries lost with their workers).
 */
record Delivery(Priority stream, StreamEntryID entry, Task task) {
    int attempt() {
        return task.attempt();
    }
}
