package io.tessera.engine.membership;

/**
 * What ZooKeeper durably records of an operator's cancel and pause of a job ({@code jobs/<id>/cancelled},
 * {@code jobs/<id>/paused}): the queue is made to agree with it when it has lost the flags.
 */
public record OperatorMarks(boolean cancelled, boolean paused) {}
