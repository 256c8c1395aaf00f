package io.tessera.engine.chaos;

import io.tessera.engine.dispatch.DispatchKeys;
import java.io.IOException;
import java.time.Duration;

/**
 * Starts a worker process on the cluster being measured (the CLI knows how: a `tessera worker` JVM). The
 * benchmark kills what it starts with SIGKILL, so it must be a process of its own.
 */
public interface WorkerLauncher {
    /**
     * @param number            1, 2, … in start order (for the process's log file name)
     * @param keys              the dispatch keys of the benchmark's job
     * @param visibilityTimeout how long a killed worker's tasks wait before another worker takes them over
     */
    Process start(int number, DispatchKeys keys, int threads, Duration visibilityTimeout) throws IOException;
}
