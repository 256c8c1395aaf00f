package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Which throwables at the task boundary leave the process unsound, and the one line each task carries. */
class TaskFaultsTest {

    @Test
    void outOfMemoryAndOtherVirtualMachineErrorsAreFatalEvenWhenWrapped() {
        assertTrue(TaskFaults.isFatal(new OutOfMemoryError("Java heap space")));
        assertTrue(TaskFaults.isFatal(new InternalError("bad")));
        assertTrue(TaskFaults.isFatal(new IOException("read failed", new OutOfMemoryError("Direct buffer memory"))));
        assertTrue(TaskFaults.isFatal(new ExecutionException(new RuntimeException(new OutOfMemoryError("Metaspace")))));
    }

    @Test
    void aStackOverflowOtherErrorsAndExceptionsFailTheTaskOnly() {
        assertFalse(TaskFaults.isFatal(new StackOverflowError()));
        assertFalse(TaskFaults.isFatal(new AssertionError("boom")));
        assertFalse(TaskFaults.isFatal(new NoClassDefFoundError("x/Y")));
        assertFalse(TaskFaults.isFatal(new ExceptionInInitializerError("static init")));
        assertFalse(TaskFaults.isFatal(new IOException("HDFS unreachable")));
        Throwable cycle = new RuntimeException("a");
        cycle.initCause(new IllegalStateException("b", cycle));
        assertFalse(TaskFaults.isFatal(cycle), "a cause cycle ends");
    }

    @Test
    void eachKindHasItsOneLine() {
        assertEquals("the worker ran out of memory (Java heap space) during this task", TaskFaults.reason(new OutOfMemoryError("Java heap space")));
        assertEquals("the worker ran out of memory (Direct buffer memory) during this task",
                TaskFaults.reason(new IOException("read failed", new OutOfMemoryError("Direct buffer memory"))));
        assertEquals("the worker met a fatal JVM error (InternalError) during this task", TaskFaults.reason(new InternalError("bad")));
        assertEquals("stack overflow during this task", TaskFaults.reason(new StackOverflowError()));
        assertEquals("unexpected AssertionError: boom", TaskFaults.reason(new AssertionError("boom")));
        assertEquals("HDFS unreachable", TaskFaults.reason(new IOException("HDFS unreachable")));
        assertEquals("ran out of memory (Java heap space)", TaskFaults.whatHappened(new OutOfMemoryError("Java heap space")));
    }
}
