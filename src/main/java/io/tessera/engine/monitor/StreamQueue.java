package io.tessera.engine.monitor;

import java.time.Duration;

/**
 * One task stream as the queue-health line sees it: entries not yet delivered ({@code waiting}), delivered and not
 * acknowledged ({@code pending}), the longest a pending entry has been idle (null with none), and whether the
 * consumer group exists yet.
 */
public record StreamQueue(String name, long waiting, long pending, Duration oldestPendingIdle, boolean hasGroup) {}
