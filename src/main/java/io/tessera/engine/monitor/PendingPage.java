package io.tessera.engine.monitor;

import java.util.List;

/** One page of pending entries in id order; {@code nextAfter} is the id to continue after, or null at the end. */
public record PendingPage(List<PendingEntry> entries, String nextAfter) {}
