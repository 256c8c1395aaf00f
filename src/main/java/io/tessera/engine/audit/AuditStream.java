package io.tessera.engine.audit;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/** The trail's live tail in Redis, read a page at a time in chain order (or newest first). */
final class AuditStream {
    static final int PAGE = 1_000;

    private final UnifiedJedis redis;
    private final AuditLocation location;

    AuditStream(UnifiedJedis redis, AuditLocation location) {
        this.redis = redis;
        this.location = location;
    }

    /** A stream entry and the record in it. */
    record Entry(String id, StoredLine line) {}

    /** Up to {@code count} entries after {@code afterId} (exclusive; null: from the oldest). */
    List<Entry> after(String afterId, int count) {
        return entries(redis.xrange(location.stream(), afterId == null ? "-" : "(" + afterId, "+", count));
    }

    /** Up to {@code count} entries before {@code beforeId} (exclusive; null: from the newest), newest first. */
    List<Entry> before(String beforeId, int count) {
        return entries(redis.xrevrange(location.stream(), beforeId == null ? "+" : "(" + beforeId, "-", count));
    }

    long length() {
        return redis.xlen(location.stream());
    }

    /** The head as the append script keeps it: {seq, hash}, both null when nothing was appended yet. */
    List<String> head() {
        return redis.hmget(location.head(), "seq", "hash");
    }

    private static List<Entry> entries(List<StreamEntry> page) {
        return page.stream().map(e -> new Entry(e.getID().toString(),
                StoredLine.of(e.getFields().getOrDefault("r", ""), "stream entry " + e.getID()))).toList();
    }
}
