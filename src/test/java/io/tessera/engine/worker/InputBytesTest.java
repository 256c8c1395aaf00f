package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.NativeImage;
import io.tessera.engine.ops.ImageOp;
import io.tessera.engine.ops.OutputFormat;
import io.tessera.engine.ops.Pipeline;
import io.tessera.testing.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * Inputs in native memory: freed, with their budget share given back, when the last holder lets go, never by the GC;
 * a computation that outlives its caller's wait (past the time limit) keeps reading memory that is still there.
 */
class InputBytesTest {
    private static final long KB = 1024;

    private static InputBytes filled(byte[] content, InputBudget budget) throws InterruptedException {
        InputBytes bytes = InputBytes.allocate(content.length, budget.take(content.length));
        bytes.buffer().put(content);
        return bytes;
    }

    /** True when a take of the whole budget goes through within the time (then it is given back at once). */
    private static boolean wholeBudgetFree(InputBudget budget, long bytes, long millis) throws InterruptedException {
        CountDownLatch got = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                budget.take(bytes).close();
                got.countDown();
            } catch (InterruptedException ignored) {
                // the test ended
            }
        });
        return got.await(millis, TimeUnit.MILLISECONDS);
    }

    @Test
    void theLastHolderFreesTheMemoryAndGivesTheShareBackOnce() throws Exception {
        InputBudget budget = new InputBudget(1024 * KB);
        long nativeBefore = Pointer.totalBytes();
        InputBytes bytes = filled(TestImages.randomBytes(600 * 1024, 1), budget);
        assertEquals(nativeBefore + 600 * KB, Pointer.totalBytes(), "the bytes live in native memory, tracked by JavaCPP");
        assertTrue(bytes.hold(), "a computation takes hold");
        bytes.close();
        bytes.close(); // the creator's second close changes nothing
        assertEquals(nativeBefore + 600 * KB, Pointer.totalBytes(), "still held by the computation");
        assertFalse(wholeBudgetFree(budget, 1024 * KB, 200), "its share is still taken");
        bytes.release();
        assertEquals(nativeBefore, Pointer.totalBytes(), "freed at once when the last holder let go, without the GC");
        assertTrue(wholeBudgetFree(budget, 1024 * KB, 5_000), "the share is back");
        assertFalse(bytes.hold(), "nobody takes hold of freed memory");
    }

    @Test
    void anEmptyInputNeedsNoNativeMemory() throws Exception {
        try (InputBytes empty = InputBytes.allocate(0, InputBudget.UNLIMITED.take(0))) {
            assertArrayEquals(new byte[0], empty.toArray());
        }
    }

    /** An op that computes for {@code millis} without looking at interrupts. */
    private record Stubborn(long millis) implements ImageOp {
        @Override
        public String spec() {
            return "stubborn";
        }

        @Override
        public NativeImage apply(NativeImage image, Context context) {
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return image;
        }
    }

    @Test
    void aComputationGivenUpOnKeepsItsInputUntilItStopsThenFreesIt() throws Exception {
        InputBudget budget = new InputBudget(1024 * KB);
        byte[] photo = TestImages.noisyJpeg(320, 240, 4);
        try (ImageProcessor processor = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofMillis(200), new StageTimes(), 1)) {
            InputBytes input = filled(photo, budget);
            Pipeline slow = new Pipeline(List.of(new Stubborn(800)), OutputFormat.PNG);
            try (input) {
                assertTrue(assertInstanceOf(ImageProcessor.Result.Refused.class, processor.process(input, slow)).reason().contains("per-image limit"));
            }
            assertFalse(wholeBudgetFree(budget, 1024 * KB, 200), "the abandoned computation still holds the input");
            assertTrue(wholeBudgetFree(budget, 1024 * KB, 10_000), "once it stops, the input is freed and its share back");

            InputBytes again = filled(photo, budget);
            try (again) {
                var done = assertInstanceOf(ImageProcessor.Result.Processed.class, processor.process(again, Pipeline.parse(List.of("thumbnail:64"), "png")));
                assertEquals(photo.length, done.metrics().get("bytesIn"), "read from native memory, whole");
            }
            assertTrue(wholeBudgetFree(budget, 1024 * KB, 5_000));
            assertThrows(IllegalStateException.class, () -> processor.process(again, Pipeline.parse(List.of("thumbnail:64"), "png")),
                    "freed memory is never decoded");
        }
    }
}
