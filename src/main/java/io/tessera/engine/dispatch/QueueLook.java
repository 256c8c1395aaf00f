package io.tessera.engine.dispatch;

import java.util.Map;

/**
 * A job as Redis holds it, read cheaply (two hash reads in one round trip) for the coordinator's comparison
 * with the plan: whether the job hash exists, its state and plan tag, whether every task is settled, and per
 * shard how many of its tasks were ever put on a stream ({@code <shard>:queued}).
 */
public record QueueLook(boolean exists, JobState state, String planTag, boolean settled, Map<Integer, Long> queued) {

    static QueueLook missing() {
        return new QueueLook(false, null, null, false, Map.of());
    }

    /** The job is over in Redis: finished, or cancelled with nothing left running. */
    public boolean over() {
        return state == JobState.FINISHED || state == JobState.CANCELLED && settled;
    }
}
