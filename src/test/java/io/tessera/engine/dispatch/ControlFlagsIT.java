package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A paused job whose flag Redis lost (restarted empty, failed over): a consumer that knew it paused keeps it paused
 * while the durable record says so, and asks the record nothing in any other case.
 */
class ControlFlagsIT {
    @Test
    void aJobKnownPausedStaysPausedWhileItsRecordSaysSoThoughRedisLostTheFlag() throws Exception {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            d.dispatcher.submit("napping", Task.batches("napping", 0, Dispatching.images("n", 4), 2, "{}", Priority.NORMAL));
            AtomicBoolean recorded = new AtomicBoolean(true);
            AtomicInteger asked = new AtomicInteger();
            ControlFlags flags = new ControlFlags(d.redis, d.keys, 0, job -> {
                asked.incrementAndGet();
                return recorded.get();
            });

            assertFalse(flags.of("napping").paused());
            d.dispatcher.pause("napping");
            assertTrue(flags.of("napping").paused());
            assertEquals(0, asked.get(), "Redis's flag answers while it is there");

            d.redis.del(d.keys.control("napping")); // Redis lost the flag
            assertTrue(flags.of("napping").paused(), "held by the record");
            assertTrue(flags.of("napping").paused());
            assertEquals(1, asked.get(), "a held pause is not asked again at once (a ZooKeeper read)");

            recorded.set(false); // the operator resumed: the record goes first
            Thread.sleep(2_100);
            assertFalse(flags.of("napping").paused(), "runs once the record is gone");
            assertEquals(2, asked.get());
            assertFalse(flags.of("napping").paused());
            assertEquals(2, asked.get(), "a job not known paused costs no record read");
        }
    }

    @Test
    void aRecordThatCannotBeReadHoldsTheJob() throws Exception {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            d.dispatcher.submit("unsure", Task.batches("unsure", 0, Dispatching.images("u", 2), 2, "{}", Priority.NORMAL));
            ControlFlags flags = new ControlFlags(d.redis, d.keys, 0, job -> {
                throw new IOException("ZooKeeper: no answer");
            });
            d.dispatcher.pause("unsure");
            assertTrue(flags.of("unsure").paused());
            d.redis.del(d.keys.control("unsure"));
            assertTrue(flags.of("unsure").paused(), "held rather than run");
        }
    }
}
