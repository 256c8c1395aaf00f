package io.tessera.engine.shard;

import java.util.Set;

/**
 * Where a shard is in its life: PLANNED → QUEUED → RUNNING → DONE or FAILED. A shard whose worker
 * vanished goes back to PLANNED; a FAILED one may be planned again by an operator, or run again when its
 * dead letters are requeued. Any unfinished state may end DONE or FAILED at once when dispatch says every
 * task of the shard is settled (the tally decides, not who held the shard). DONE is final.
 */
public enum ShardState {
    PLANNED, QUEUED, RUNNING, DONE, FAILED;

    public boolean canBecome(ShardState next) {
        return switch (this) {
            case PLANNED -> Set.of(QUEUED, RUNNING, DONE, FAILED).contains(next);
            case QUEUED -> Set.of(RUNNING, PLANNED, DONE, FAILED).contains(next);
            case RUNNING -> Set.of(DONE, FAILED, PLANNED).contains(next);
            case FAILED -> Set.of(PLANNED, RUNNING, DONE).contains(next);
            case DONE -> false;
        };
    }
}
