package io.tessera.console.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    private final ManualUiThread ui = new ManualUiThread();

    @Test
    void appliesOnlyTheLatestValuePerKeyAndOnlyOnAPulse() throws Exception {
        List<String> applied = new ArrayList<>();
        Coalescer<String, Integer> coalescer = new Coalescer<>(ui, (key, value) -> applied.add(key + "=" + value));
        int threads = 4;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            String key = "k" + t;
            Thread.ofPlatform().start(() -> {
                for (int i = 1; i <= 10_000; i++) {
                    coalescer.offer(key, i);
                }
                done.countDown();
            });
        }
        done.await();
        assertTrue(applied.isEmpty(), "nothing reaches the UI between pulses");

        ui.pulse();

        assertEquals(List.of("k0=10000", "k1=10000", "k2=10000", "k3=10000"), applied.stream().sorted().toList());
        ui.pulse();
        assertEquals(4, applied.size(), "an empty pulse applies nothing");
    }

    @Test
    void aValueOfferedAfterAPulseIsAppliedOnTheNext() {
        Map<String, Integer> state = new ConcurrentHashMap<>();
        Coalescer<String, Integer> coalescer = new Coalescer<>(ui, state::put);
        coalescer.offer("a", 1);
        ui.pulse();
        coalescer.offer("a", 2);
        assertEquals(1, state.get("a"));
        ui.pulse();
        assertEquals(2, state.get("a"));
    }
}
