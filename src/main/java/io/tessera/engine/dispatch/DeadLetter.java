package io.tessera.engine.dispatch;

/** A task in the dead-letter stream: {@code id} is its entry id there, {@code error} the last failure. */
public record DeadLetter(String id, Task task, String error, String worker) {}
