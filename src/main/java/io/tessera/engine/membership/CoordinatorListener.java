package io.tessera.engine.membership;

import io.tessera.engine.shard.ShardRecord;

/** What a coordinator tells its owner, on the coordinator's own thread. */
public interface CoordinatorListener {
    CoordinatorListener NONE = new CoordinatorListener() {};

    /** This coordinator started or stopped acting as the leader. */
    default void actingChanged(boolean acting) {}

    /** A shard of a vanished worker was put back in play (PLANNED) or given up (FAILED). */
    default void shardRecovered(String jobId, String vanishedWorker, ShardRecord now) {}

    /** The task queue had lost part of a job and the coordinator re-created it ({@code what}, in words). */
    default void jobReconciled(String jobId, String what) {}

    /** A sweep failed (e.g. the connection dropped); the next event or sweep tries again. */
    default void sweepFailed(Exception error) {}
}
