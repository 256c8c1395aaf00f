package io.tessera.engine.monitor;

import java.time.Duration;

/** A consumer of a group from XINFO CONSUMERS: entries it holds, and how long since it last read (or tried to). */
public record ConsumerSummary(String name, long pending, Duration idle) {}
