package io.tessera.engine.monitor;

/**
 * A consumer group from XINFO GROUPS. {@code lag} (entries not yet delivered to the group) is null where the server
 * does not know it (before Redis 7, or after deletions it cannot account for).
 */
public record GroupSummary(String name, long consumers, long pending, String lastDeliveredId, Long lag) {}
