package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.NativeImage;
import io.tessera.engine.ops.ImageOp;
import io.tessera.engine.ops.OutputFormat;
import io.tessera.engine.ops.Pipeline;
import io.tessera.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bytes through a pipeline without storage: outputs, metrics, and every kind of bad input refused with a reason. */
class ImageProcessorTest {
    private final ImageProcessor processor = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofSeconds(20));

    @AfterEach
    void close() {
        processor.close();
    }

    private String refusal(byte[] input) throws Exception {
        ImageProcessor.Result result = processor.process(input, Pipeline.parse(List.of("thumbnail:64"), "png"));
        return assertInstanceOf(ImageProcessor.Result.Refused.class, result).reason();
    }

    @Test
    void aThumbnailPipelineWritesTheFormatAskedWithMetrics() throws Exception {
        Pipeline pipeline = Pipeline.parse(List.of("thumbnail:64", "grayscale", "dhash", "format:png"), null);
        var done = assertInstanceOf(ImageProcessor.Result.Processed.class, processor.process(TestImages.jpeg(640, 480), pipeline));
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(done.bytes()));
        assertEquals(64, out.getWidth());
        assertEquals(48, out.getHeight());
        assertEquals(640, done.metrics().get("sourceWidth"));
        assertEquals(64, done.metrics().get("width"));
        assertEquals(16, ((String) done.metrics().get("dhash")).length());
    }

    /** An op that computes for {@code millis} without ever looking at interrupts, like the real ones. */
    private record Stubborn(long millis, AtomicInteger runs) implements ImageOp {
        @Override
        public String spec() {
            return "stubborn";
        }

        @Override
        public NativeImage apply(NativeImage image, Context context) {
            runs.incrementAndGet();
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return image;
        }
    }

    @Test
    void anImageOverItsTimeLimitFreesTheCallerAtOnceFailsWithTheLimitAndStopsAtTheNextOp() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Pipeline slow = new Pipeline(Collections.nCopies(20, new Stubborn(100, runs)), OutputFormat.PNG);
        try (ImageProcessor limited = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofMillis(500))) {
            long start = System.nanoTime();
            var refused = assertInstanceOf(ImageProcessor.Result.Refused.class, limited.process(TestImages.jpeg(64, 48), slow));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertEquals("took longer than 0.5 s, the per-image limit; stopped", refused.reason());
            assertTrue(waited < 1_500, "the caller waited " + waited + " ms for a 500 ms limit");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (limited.running() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, limited.running(), "the abandoned computation stopped");
            assertTrue(runs.get() < 15, "it stopped at an op boundary, not after all 20 ops: " + runs.get());
            assertInstanceOf(ImageProcessor.Result.Processed.class, limited.process(TestImages.jpeg(64, 48), Pipeline.parse(List.of("grayscale"), "png")),
                    "the processor goes on with the next image");
        }
    }

    /** Like {@link Stubborn}, counting how many run at once. */
    private record Counted(long millis, AtomicInteger now, AtomicInteger most) implements ImageOp {
        @Override
        public String spec() {
            return "counted";
        }

        @Override
        public NativeImage apply(NativeImage image, Context context) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                return new Stubborn(millis, new AtomicInteger()).apply(image, context);
            } finally {
                now.decrementAndGet();
            }
        }
    }

    @Test
    void computeSlotsHoldImagesComputedAtOnceAndWaitingForOneIsNotPartOfTheTimeLimit() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Pipeline slow = new Pipeline(List.of(new Counted(400, now, most)), OutputFormat.PNG);
        try (ImageProcessor oneSlot = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofMillis(1_000), new StageTimes(), 1);
             var callers = java.util.concurrent.Executors.newFixedThreadPool(3)) {
            List<java.util.concurrent.Future<ImageProcessor.Result>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(callers.submit(() -> oneSlot.process(TestImages.jpeg(64, 48), slow)));
            }
            for (var result : results) {
                // the last waits ~800 ms for the slot, then computes 400 ms: over the 1 s limit only if waiting counted
                assertInstanceOf(ImageProcessor.Result.Processed.class, result.get());
            }
            assertEquals(1, most.get(), "one image computed at a time");
            StageTimes.Figures waits = oneSlot.times().of(StageTimes.Stage.SLOT);
            assertEquals(3, waits.count());
            assertTrue(waits.totalSeconds() >= 1.0, "two waited about 400 and 800 ms: " + waits);
        }
    }

    @Test
    void aCallerInterruptedWhileWaitingForASlotTakesNoneAway() throws Exception {
        Pipeline slow = new Pipeline(List.of(new Stubborn(500, new AtomicInteger())), OutputFormat.PNG);
        try (ImageProcessor oneSlot = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofSeconds(20), new StageTimes(), 1)) {
            Thread busy = Thread.ofPlatform().start(() -> {
                try {
                    oneSlot.process(TestImages.jpeg(64, 48), slow);
                } catch (InterruptedException ignored) {
                    // not interrupted
                }
            });
            Thread.sleep(100);
            java.util.concurrent.CompletableFuture<Throwable> waiter = new java.util.concurrent.CompletableFuture<>();
            Thread waiting = Thread.ofPlatform().start(() -> {
                try {
                    oneSlot.process(TestImages.jpeg(64, 48), slow);
                    waiter.complete(null);
                } catch (Throwable e) {
                    waiter.complete(e);
                }
            });
            Thread.sleep(100);
            waiting.interrupt();
            assertInstanceOf(InterruptedException.class, waiter.get(10, java.util.concurrent.TimeUnit.SECONDS));
            busy.join();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertInstanceOf(
                    ImageProcessor.Result.Processed.class, oneSlot.process(TestImages.jpeg(64, 48), Pipeline.parse(List.of("grayscale"), "png"))),
                    "the slot is free again");
        }
    }

    @Test
    void bmpInputsAreRecognisedFromTheirFullFileHeader() throws Exception {
        byte[] bmp = TestImages.encode(TestImages.picture(30, 20, BufferedImage.TYPE_INT_RGB), "bmp");
        assertInstanceOf(ImageProcessor.Result.Processed.class, processor.process(bmp, Pipeline.parse(List.of("grayscale"), "png")));
    }

    @Test
    void autoOrientReadsTheExifTagOfAJpeg() throws Exception {
        byte[] sideways = TestImages.jpegWithExif(80, 40, "Cam", "One", 6, "2024:01:02 03:04:05");
        var done = assertInstanceOf(ImageProcessor.Result.Processed.class,
                processor.process(sideways, Pipeline.parse(List.of("auto-orient"), "png")));
        assertEquals(40, done.metrics().get("width"));
        assertEquals(80, done.metrics().get("height"));
    }

    @Test
    void theExifOpPutsTheCameraFieldsInTheMetrics() throws Exception {
        byte[] photo = TestImages.jpegWithExif(40, 30, "Canon", "Canon EOS R5", 1, "2024:05:06 07:08:09");
        var done = assertInstanceOf(ImageProcessor.Result.Processed.class,
                processor.process(photo, Pipeline.parse(List.of("exif", "thumbnail:16"), "png")));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> exif = (java.util.Map<String, Object>) done.metrics().get("exif");
        assertEquals("Canon", exif.get("make"));
        assertEquals("Canon EOS R5", exif.get("model"));
        assertTrue(((String) exif.get("dateTaken")).startsWith("2024-05-0"), exif.toString());
        var none = assertInstanceOf(ImageProcessor.Result.Processed.class,
                processor.process(TestImages.png(10, 10), Pipeline.parse(List.of("exif"), "png")));
        assertEquals(java.util.Map.of(), none.metrics().get("exif"));
    }

    @Test
    void hostileAndBrokenInputsAreRefusedWithReasons() throws Exception {
        assertTrue(refusal(new byte[0]).contains("empty"));
        assertTrue(refusal("just text, named .png".getBytes()).contains("not an image"));
        assertTrue(refusal(TestImages.truncatedJpeg()).toLowerCase().contains("truncated"), refusal(TestImages.truncatedJpeg()));
        assertTrue(refusal(TestImages.pngClaiming(60000, 60000)).contains("60000×60000"));
    }

    @Test
    void anImageOverTheTimeLimitFailsAloneAndTheProcessorGoesOn() throws Exception {
        try (ImageProcessor hurried = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofMillis(50))) {
            var slow = hurried.process(TestImages.noisyJpeg(1500, 1500, 1), Pipeline.parse(List.of("blur:40"), "png"));
            assertTrue(assertInstanceOf(ImageProcessor.Result.Refused.class, slow).reason().contains("per-image limit"));
        }
        assertInstanceOf(ImageProcessor.Result.Processed.class,
                processor.process(TestImages.png(20, 20), Pipeline.parse(List.of("rotate:90"), "bmp")));
    }
}
