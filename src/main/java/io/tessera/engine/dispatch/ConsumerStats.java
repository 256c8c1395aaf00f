package io.tessera.engine.dispatch;

/**
 * What one consumer did so far. {@code completed} counts tasks it acknowledged as done or cancelled
 * (duplicates included), {@code failed} whole-task failures it reported, {@code reclaimed} tasks it took
 * over from stopped workers, {@code connectionFailures} Redis calls that failed for want of a connection.
 */
public record ConsumerStats(long completed, long failed, long reclaimed, long connectionFailures, int inFlight, int parked) {}
