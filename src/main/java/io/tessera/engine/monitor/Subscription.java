package io.tessera.engine.monitor;

import java.nio.charset.StandardCharsets;

/** One thing the monitor listens to: a channel, a pattern or a shard channel, by name. */
public record Subscription(SubscriptionKind kind, String name) {
    static final int MAX_NAME = 1024;

    public Subscription {
        if (kind == null) {
            throw new IllegalArgumentException("a subscription needs a kind (channel, pattern or shard channel)");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + kind.title() + " name cannot be empty");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a " + kind.title() + " name has at most " + MAX_NAME + " characters");
        }
    }

    public static Subscription channel(String name) {
        return new Subscription(SubscriptionKind.CHANNEL, name);
    }

    public static Subscription pattern(String name) {
        return new Subscription(SubscriptionKind.PATTERN, name);
    }

    public static Subscription shardChannel(String name) {
        return new Subscription(SubscriptionKind.SHARD_CHANNEL, name);
    }

    byte[] nameBytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return kind.title() + " " + name;
    }
}
