package io.tessera.engine.monitor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A message the monitor received: the subscription it came through (a pattern names the pattern), the channel it
 * was published on, when it arrived here, and its payload bytes as sent. The payload array is not copied: do not change it.
 */
public record MonitorMessage(Subscription via, String channel, Instant time, byte[] payload) {

    /** The pattern that matched, or null when the message came through a channel or shard-channel subscription. */
    public String pattern() {
        return via.kind() == SubscriptionKind.PATTERN ? via.name() : null;
    }

    /** The payload as UTF-8 text (malformed bytes replaced), for previews. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
