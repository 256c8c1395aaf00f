package io.tessera.engine.monitor;

/** How a subscription listens: one channel (SUBSCRIBE), a glob pattern (PSUBSCRIBE) or a shard channel (SSUBSCRIBE, Redis 7+). */
public enum SubscriptionKind {
    CHANNEL("channel", "SUBSCRIBE"),
    PATTERN("pattern", "PSUBSCRIBE"),
    SHARD_CHANNEL("shard channel", "SSUBSCRIBE");

    private final String title;
    private final String command;

    SubscriptionKind(String title, String command) {
        this.title = title;
        this.command = command;
    }

    public String title() {
        return title;
    }

    /** The Redis command that makes such a subscription. */
    public String command() {
        return command;
    }
}
