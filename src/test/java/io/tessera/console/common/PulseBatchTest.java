package io.tessera.console.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pulse batch hands everything over on the pulse; a frame batch on every frame, a bounded number per frame. */
class PulseBatchTest {

    @Test
    void aPulseBatchWaitsForThePulseAndHandsOverEverything() {
        ManualUiThread ui = new ManualUiThread();
        List<List<Integer>> applied = new ArrayList<>();
        PulseBatch<Integer> batch = new PulseBatch<>(ui, applied::add);
        for (int i = 0; i < 5_000; i++) {
            batch.offer(i);
        }
        ui.frame();
        assertEquals(List.of(), applied, "frames do not drain a pulse batch");
        ui.pulse();
        assertEquals(1, applied.size());
        assertEquals(5_000, applied.getFirst().size());
    }

    @Test
    void aFrameBatchAppliesOnEveryFrameAtMostSoManyInOrder() {
        ManualUiThread ui = new ManualUiThread();
        List<Integer> applied = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        PulseBatch<Integer> batch = PulseBatch.everyFrame(ui, 2_000, values -> {
            sizes.add(values.size());
            applied.addAll(values);
        });
        batch.offer(-1);
        ui.frame();
        assertEquals(List.of(-1), applied, "one frame, no pulse needed");
        for (int i = 0; i < 4_500; i++) {
            batch.offer(i);
        }
        ui.frame();
        assertEquals(2_500, batch.waiting(), "a burst is spread over frames");
        ui.frame();
        ui.frame();
        ui.frame();
        assertEquals(List.of(1, 2_000, 2_000, 500), sizes);
        assertEquals(4_501, applied.size());
        for (int i = 1; i < applied.size(); i++) {
            assertEquals(applied.get(i - 1) + 1, applied.get(i), "in order");
        }
    }
}
