package io.tessera.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The FX thread's handler of uncaught exceptions: JavaFX's renderer refusing a paint while the JVM ends is no error. */
class FxThreadFailuresTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(FxThreadFailures.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false); // the ERRORs these tests provoke stay out of the build's output
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        logger.setAdditive(true);
        logger.setLevel(levelBefore);
    }

    @Test
    void aPaintRejectedWhileTheJvmShutsDownIsLoggedQuietly() {
        new FxThreadFailures(() -> true).uncaughtException(Thread.currentThread(), rejectedPaint());

        assertEquals(List.of(Level.DEBUG), levels());
    }

    @Test
    void aRejectionWhileTheJvmRunsIsAnErrorWithItsTrace() {
        RejectedExecutionException rejected = rejectedPaint();
        new FxThreadFailures(() -> false).uncaughtException(Thread.currentThread(), rejected);

        assertEquals(List.of(Level.ERROR), levels());
        assertSame(rejected, ((ch.qos.logback.classic.spi.ThrowableProxy) logged.list.getFirst().getThrowableProxy()).getThrowable());
    }

    @Test
    void anyOtherFailureIsAnErrorEvenWhileTheJvmShutsDown() {
        new FxThreadFailures(() -> true).uncaughtException(Thread.currentThread(), new IllegalStateException("a bug"));

        assertEquals(List.of(Level.ERROR), levels());
        assertTrue(logged.list.getFirst().getFormattedMessage().contains("JavaFX thread"));
    }

    private List<Level> levels() {
        return logged.list.stream().map(ILoggingEvent::getLevel).toList();
    }

    private static RejectedExecutionException rejectedPaint() {
        return new RejectedExecutionException("Task a paint rejected from com.sun.javafx.tk.quantum.QuantumRenderer@1[Shutting down]");
    }
}
