package io.tessera.console.common;

/** Shows the operator a failure as a readable message: what failed, and the one-line cause. Called on the UI thread. */
@FunctionalInterface
public interface ErrorSink {
    void show(String whatFailed, String reason);
}
