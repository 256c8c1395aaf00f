package io.tessera.engine.health;

import java.time.Instant;

/** One entry of Redis's slowlog: when, how long, and the command with its first arguments (shortened by Redis itself). */
public record SlowCommand(long id, Instant at, long micros, String command) {}
