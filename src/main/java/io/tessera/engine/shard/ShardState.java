package io.tessera.engine.shard;

import java.util.Set;

/**
 * Where a shard is in its life: PLANNED → QUEUED → RUNNING → DONE or FAILED. A shard whose worker
 * vanished goes back to PLANNED; a FAILED one may be planned again by an operator; DONE is final.
 */
public enum ShardState {
    PLANNED, QUEUED, RUNNING, DONE, FAILED;

    public boolean canBecome(ShardState next) {
        return switch (this) {
            case PLANNED -> Set.of(QUEUED, RUNNING, FAILED).contains(next);
            case QUEUED -> Set.of(RUNNING, PLANNED, FAILED).contains(next);
            case RUNNING -> Set.of(DONE, FAILED, PLANNED).contains(next);
            case FAILED -> next == PLANNED;
            case DONE -> false;
        };
    }
}
