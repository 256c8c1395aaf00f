package io.tessera.engine.monitor;

import java.time.Duration;

/** An entry delivered to a consumer and not yet acknowledged (XPENDING extended form). */
public record PendingEntry(String id, String consumer, Duration idle, long deliveries) {}
