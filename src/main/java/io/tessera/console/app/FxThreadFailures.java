package io.tessera.console.app;

import io.tessera.engine.StopSignals;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the JavaFX thread does with an exception nothing caught: log it and carry on, as the FX thread does. Without
 * it the JVM's default handler takes it, which is the embedded ZooKeeper's once the local cluster runs: an ERROR
 * "Thread … died" though the thread has not. One such exception is JavaFX's and expected: when the JVM ends before the
 * console has quit (a second Ctrl-C), JavaFX's own shutdown hook stops its renderer while the FX thread may still hand
 * it a paint, which the renderer rejects.
 */
final class FxThreadFailures implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FxThreadFailures.class);
    private final BooleanSupplier jvmShuttingDown;

    FxThreadFailures(BooleanSupplier jvmShuttingDown) {
        this.jvmShuttingDown = jvmShuttingDown;
    }

    /** Call on the FX thread. */
    static void handleOnThisThread() {
        Thread.currentThread().setUncaughtExceptionHandler(new FxThreadFailures(StopSignals::jvmShuttingDown));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (failure instanceof RejectedExecutionException && jvmShuttingDown.getAsBoolean()) {
            LOG.debug("JavaFX's renderer, stopped by the JVM's shutdown, rejected a paint still queued", failure);
            return;
        }
        LOG.error("Unexpected failure on the JavaFX thread (the console carries on)", failure);
    }
}
