package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.dispatch.ShardTally;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a shard's record follows dispatch's tally: forwards only, ends decided by the tally, not by who holds it. */
class ShardTrackerTest {
    private static final ShardRecord PLANNED = ShardRecord.planned(3, 10, 1000, List.of(), null);

    private static ShardTally tally(long left, long done, long failed, long dead) {
        return new ShardTally("job", 3, left, done, failed, dead, 0);
    }

    @Test
    void theFirstTaskMakesAPlannedShardRunningByThatWorkerAndNobodyElseTakesItOver() {
        ShardRecord running = ShardTracker.startedBy(PLANNED, "w1").orElseThrow();
        assertEquals(ShardState.RUNNING, running.state());
        assertEquals("w1", running.owner());
        assertEquals(Optional.empty(), ShardTracker.startedBy(running, "w2"));
    }

    @Test
    void progressMovesForwardOnlyAndKeepsTheOwner() {
        ShardRecord running = ShardTracker.startedBy(PLANNED, "w1").orElseThrow();
        ShardRecord four = ShardTracker.counted(running, tally(3, 4, 0, 0), "w2").orElseThrow();
        assertEquals(List.of(4, 0, "w1"), List.of(four.done(), four.failed(), four.owner()));
        assertEquals(Optional.empty(), ShardTracker.counted(four, tally(4, 2, 0, 0), "w2"), "an older tally written late changes nothing");
    }

    @Test
    void aSettledShardEndsDoneOrFailedWithItsCountsWhoeverSettledTheLastTask() {
        ShardRecord running = ShardTracker.startedBy(PLANNED, "w1").orElseThrow();
        ShardRecord done = ShardTracker.counted(running, tally(0, 10, 0, 0), "w2").orElseThrow();
        assertEquals(ShardState.DONE, done.state());
        assertNull(done.error());
        assertEquals(Optional.empty(), ShardTracker.counted(done, tally(0, 10, 0, 0), "w2"), "DONE is final");

        ShardRecord failed = ShardTracker.counted(running, tally(0, 7, 1, 1), "w2").orElseThrow();
        assertEquals(ShardState.FAILED, failed.state());
        assertEquals(List.of(7, 1), List.of(failed.done(), failed.failed()));
        assertEquals("1 image failed; 1 task dead-lettered", failed.error());
    }

    @Test
    void aShardPutBackInPlayOrRequeuedIsTakenUpAgainByTheWorkerThatReportsIt() {
        ShardRecord orphan = ShardTracker.startedBy(PLANNED, "w1").orElseThrow().requeued(ShardState.PLANNED, "worker w1 vanished");
        ShardRecord again = ShardTracker.counted(orphan, tally(2, 5, 0, 0), "w2").orElseThrow();
        assertEquals(List.of(ShardState.RUNNING, "w2"), List.of(again.state(), again.owner()));
        assertNull(again.error());

        ShardRecord failed = ShardTracker.counted(again, tally(0, 9, 0, 1), "w2").orElseThrow();
        // its dead letter requeued: the shard stays FAILED while the task runs (a start or a tally older than the end
        // must not reopen an ended shard), and ends as the settled tally says
        assertEquals(Optional.empty(), ShardTracker.startedBy(failed, "w3"));
        assertEquals(Optional.empty(), ShardTracker.counted(failed, tally(1, 9, 0, 0), "w3"));
        ShardRecord finished = ShardTracker.counted(failed, tally(0, 10, 0, 0), "w3").orElseThrow();
        assertTrue(finished.state() == ShardState.DONE && finished.done() == 10, finished.toString());
    }

    @Test
    void aTallyOlderThanTheEndNeverReopensAnEndedShard() {
        ShardRecord ended = ShardTracker.counted(PLANNED, tally(0, 17, 2, 0), "w1").orElseThrow();
        assertEquals(ShardState.FAILED, ended.state());
        // another worker's tally from before the end, written after it
        assertEquals(Optional.empty(), ShardTracker.counted(ended, tally(1, 16, 2, 0), "w2"));
        // a task that outlived the end (the coordinator gave the shard up while it ran) takes it up again
        ShardRecord givenUp = ended.requeued(ShardState.FAILED, "worker w1 vanished; given up after 3 attempts");
        assertEquals(ShardState.RUNNING, ShardTracker.counted(givenUp, tally(1, 3, 0, 0), "w2").orElseThrow().state());
    }
}
