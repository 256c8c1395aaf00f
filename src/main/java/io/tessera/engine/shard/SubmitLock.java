package io.tessera.engine.shard;

import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;

/**
 * Held while one process submits a job id (plans it and fills its queue), so two submits of one id never
 * interleave and a plan without its {@code committed} marker found under the lock is known to be abandoned.
 * Curator's lock recipe: an ephemeral node under {@code locks/submit/<job-id>} (container nodes, removed by the
 * server once empty), released by {@link #close} or by the end of the holder's session.
 */
public final class SubmitLock implements AutoCloseable {
    private final InterProcessMutex mutex;

    private SubmitLock(InterProcessMutex mutex) {
        this.mutex = mutex;
    }

    public static SubmitLock take(ZkAccess zk, String jobId, Duration wait) throws IOException {
        String path = TesseraPaths.submitLock(jobId);
        InterProcessMutex mutex = new InterProcessMutex(zk.client(), path);
        if (!zk.run(zk.absolute(path), () -> mutex.acquire(wait.toMillis(), TimeUnit.MILLISECONDS))) {
            throw new IOException("job " + jobId + " is being submitted by another process right now; try again once it is done");
        }
        return new SubmitLock(mutex);
    }

    @Override
    public void close() {
        try {
            mutex.release();
        } catch (Exception e) {
            // the session is gone or going: the server removes the lock node with it
        }
    }
}
