package io.tessera.engine.thumbs;

/** A request that can be withdrawn: a queued one is removed, a running one finishes but is not delivered. */
@FunctionalInterface
public interface Cancellable {
    void cancel();

    Cancellable DONE = () -> {};
}
