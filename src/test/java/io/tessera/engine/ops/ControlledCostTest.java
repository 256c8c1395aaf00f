package io.tessera.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.images.NativeImage;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The ops of a known cost: sleep holds the thread without CPU, spin uses the CPU time asked; both pass the image on. */
class ControlledCostTest {

    @Test
    void sleepWaitsWithoutCpuAndSpinUsesItsCpuTime() {
        try (NativeImage image = NativeImage.own(new Mat(8, 8, opencv_core.CV_8UC3, new Scalar(10, 20, 30, 0)))) {
            Cost sleep = measure(OpSpec.parse("sleep:ms=150"), image);
            assertTrue(sleep.wallMs >= 150, "slept its time: " + sleep);
            assertTrue(sleep.cpuMs < 50, "without using the CPU: " + sleep);

            Cost spin = measure(OpSpec.parse("spin:ms=150"), image);
            assertTrue(spin.cpuMs >= 150, "used its CPU time: " + spin);
            assertTrue(spin.cpuMs < 400, "and not much more: " + spin);
        }
    }

    /** A worker runs images on virtual threads, whose CPU time the ThreadMXBean does not know: spin used to spin there forever. */
    @Test
    void spinOnAVirtualThreadEndsAfterItsCpuTime() throws Exception {
        try (NativeImage image = NativeImage.own(new Mat(8, 8, opencv_core.CV_8UC3))) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            Thread spin = Thread.ofVirtual().start(() -> OpSpec.parse("spin:ms=150").apply(image, new ImageOp.Context(1, new HashMap<>())));
            assertTrue(spin.join(java.time.Duration.ofSeconds(30)), "spin:ms=150 on a virtual thread ended");
            double usedMs = (os.getProcessCpuTime() - cpu) / 1e6;
            assertTrue(usedMs >= 140, "it used its CPU time: " + usedMs + " ms");
        }
    }

    @Test
    void anInterruptEndsTheWorkEarly() {
        try (NativeImage image = NativeImage.own(new Mat(8, 8, opencv_core.CV_8UC3))) {
            for (String spec : new String[] {"sleep:ms=60000", "spin:ms=60000"}) {
                Thread.currentThread().interrupt();
                long began = System.nanoTime();
                OpSpec.parse(spec).apply(image, new ImageOp.Context(1, new HashMap<>()));
                assertTrue(Thread.interrupted(), spec + " keeps the interrupt for its caller");
                assertTrue((System.nanoTime() - began) / 1e6 < 5_000, spec + " ended early");
            }
        }
    }

    private record Cost(double wallMs, double cpuMs) {}

    private static Cost measure(ImageOp op, NativeImage image) {
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long began = System.nanoTime();
        NativeImage out = op.apply(image, new ImageOp.Context(1, new HashMap<>()));
        assertSame(image, out, op.spec() + " passes the image on");
        assertEquals(8, out.width());
        return new Cost((System.nanoTime() - began) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
    }
}
