package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bytes of input a worker's handlers hold at once: a read waits for room, a huge file takes all, a share goes back once. */
class InputBudgetTest {
    private static final long KB = 1024;

    /** Takes {@code bytes} on another thread; the latch opens once it has them. */
    private static CountDownLatch takeElsewhere(InputBudget budget, long bytes) {
        CountDownLatch got = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                budget.take(bytes);
                got.countDown();
            } catch (InterruptedException ignored) {
                // the test ended
            }
        });
        return got;
    }

    @Test
    void aReadWaitsWhileOthersHoldTheBudgetAndGoesOnWhenTheyGiveItBack() throws Exception {
        InputBudget budget = new InputBudget(1024 * KB);
        InputBudget.Lease first = budget.take(600 * KB);
        CountDownLatch second = takeElsewhere(budget, 600 * KB);
        assertFalse(second.await(300, TimeUnit.MILLISECONDS), "600 KB more does not fit in 1 MB while the first holds 600 KB");
        first.close();
        assertTrue(second.await(10, TimeUnit.SECONDS), "it goes on once the first share is back");
    }

    @Test
    void aFileLargerThanTheWholeBudgetTakesAllOfItRatherThanWaitingForever() {
        InputBudget budget = new InputBudget(1024 * KB);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> budget.take(50 * 1024 * KB).close());
    }

    @Test
    void closingAShareTwiceGivesItBackOnce() throws Exception {
        InputBudget budget = new InputBudget(1024 * KB);
        InputBudget.Lease share = budget.take(512 * KB);
        share.close();
        share.close();
        budget.take(1024 * KB); // all of it: fine once, the double close gave back no extra
        assertFalse(takeElsewhere(budget, 1).await(300, TimeUnit.MILLISECONDS), "nothing left beyond the whole budget");
    }
}
