package io.tessera.engine.ops.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.images.DecodeResult;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.NativeDecoder;
import io.tessera.engine.images.NativeEncoder;
import io.tessera.engine.images.NativeImage;
import io.tessera.engine.images.Psnr;
import io.tessera.engine.images.ShrinkTarget;
import io.tessera.engine.images.Transforms;
import io.tessera.engine.ops.ColorStats;
import io.tessera.engine.ops.DuplicateGroups;
import io.tessera.engine.ops.ImageOp;
import io.tessera.engine.ops.OpSpec;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.worker.ImageProcessor;
import io.tessera.testing.NativePixels;
import io.tessera.testing.SampleImages;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The native path against the old Java path it replaced ({@link ReferencePipeline}), with real photos when a sample is
 * there ({@link io.tessera.testing.SampleImages}) and generated photo-like images otherwise:
 * <ul>
 * <li>op by op on the same pixels: same output size and PSNR ≥ 35 dB; the exception is {@code filter=fast},
 *     which the old path ran as nearest neighbour (it set no interpolation hint) and the native path as the
 *     bilinear filter the docs promise;</li>
 * <li>the decoders on the same files: same size, PSNR ≥ 35 dB;</li>
 * <li>whole {@code thumbnail:256} jobs: same size, and within 35 dB of each other or the native thumbnail at least
 *     as close to an ideal one (full decode, exact area average) as the old one, which skipped pixels while decoding;</li>
 * <li>dHash: the same near-duplicate groups, a recompressed and resized copy of each photo included.</li>
 * </ul>
 */
class NativeMatchesReferenceTest {
    private static final double LEAST_PSNR = 35;
    private static final List<String> OPS = List.of("thumbnail:256", "thumbnail:256,filter=smooth", "resize:w=300", "resize:w=300,filter=fast",
            "resize:w=300,filter=smooth", "resize:scale=1.7", "resize:w=200,h=500", "crop:x=10,y=20,w=300,h=200", "rotate:90", "rotate:180",
            "rotate:270", "flip:h", "flip:v", "auto-orient", "grayscale", "blur:0.6", "blur:2.5", "blur:12", "sharpen", "sharpen:2.5", "edges");

    private final NativeDecoder decoder = new NativeDecoder(ImageLimits.DEFAULT);

    @Test
    void everyOpGivesTheSameSizeAndPixelsWithin35Db() {
        List<String> below = new ArrayList<>();
        for (SampleImages.Named file : SampleImages.some(6)) {
            try (NativeImage base = base(file)) {
                BufferedImage reference = colour(base);
                for (String spec : OPS) {
                    for (int orientation : spec.equals("auto-orient") ? new int[] {3, 5, 6, 7, 8} : new int[] {1}) {
                        ImageOp op = OpSpec.parse(spec);
                        String what = file.name() + " " + spec + (orientation == 1 ? "" : " (EXIF orientation " + orientation + ")");
                        BufferedImage expected = ReferenceOps.apply(op, reference, new ImageOp.Context(orientation, new HashMap<>()));
                        NativeImage got = op.apply(base, new ImageOp.Context(orientation, new HashMap<>()));
                        try (NativeImage want = NativePixels.of(expected); NativeImage owned = got == base ? null : got) {
                            assertEquals(want.size(), got.size(), what);
                            double psnr = Psnr.visible(want, got);
                            if (psnr < (spec.contains("filter=fast") ? 20 : LEAST_PSNR)) {
                                below.add(String.format("%s: %.1f dB", what, psnr));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), below);
    }

    @Test
    void analysisOpsReportTheSameFigures() {
        for (SampleImages.Named file : SampleImages.some(6)) {
            try (NativeImage base = base(file)) {
                Map<String, Object> want = new HashMap<>();
                Map<String, Object> got = new HashMap<>();
                for (String spec : List.of("dhash", "stats:bins=32")) {
                    ReferenceOps.apply(OpSpec.parse(spec), colour(base), new ImageOp.Context(1, want));
                    OpSpec.parse(spec).apply(base, new ImageOp.Context(1, got));
                }
                assertEquals(want.get("dhash"), got.get("dhash"), file.name());
                Map<?, ?> wanted = (Map<?, ?>) want.get("stats");
                Map<?, ?> found = (Map<?, ?>) got.get("stats");
                assertEquals(wanted.get("pixels"), found.get("pixels"));
                for (String channel : List.of("r", "g", "b")) {
                    ColorStats.Channel a = (ColorStats.Channel) wanted.get(channel);
                    ColorStats.Channel b = (ColorStats.Channel) found.get(channel);
                    assertEquals(a.histogram(), b.histogram(), file.name() + " " + channel);
                    assertEquals(a.mean(), b.mean(), 0.011, file.name() + " " + channel);
                    assertEquals(a.stddev(), b.stddev(), 0.011, file.name() + " " + channel);
                }
            }
        }
    }

    @Test
    void decodersGiveTheSamePixels() {
        ReferenceDecoder reference = new ReferenceDecoder(ImageLimits.DEFAULT);
        for (SampleImages.Named file : SampleImages.some(8)) {
            var old = assertInstanceOf(ReferenceDecoder.Result.Decoded.class, reference.decode(file.bytes(), ShrinkTarget.NONE), file.name());
            try (NativeImage got = decode(file.bytes()); NativeImage want = NativePixels.of(old.image())) {
                assertEquals(want.size(), got.size(), file.name());
                double psnr = Psnr.visible(want, got);
                assertTrue(psnr >= LEAST_PSNR, file.name() + ": " + psnr + " dB");
            }
        }
    }

    @Test
    void thumbnailJobsAreTheSameSizeAndAtLeastAsCloseToAnIdealThumbnail() throws Exception {
        ReferencePipeline reference = new ReferencePipeline(ImageLimits.DEFAULT);
        Pipeline thumbnail = Pipeline.parse(List.of("thumbnail:256"), "png");
        try (ImageProcessor processor = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofSeconds(60))) {
            for (SampleImages.Named file : SampleImages.some(8)) {
                var old = assertInstanceOf(ReferencePipeline.Outcome.Processed.class, reference.process(file.bytes(), thumbnail));
                var now = assertInstanceOf(ImageProcessor.Result.Processed.class, processor.process(file.bytes(), thumbnail));
                try (NativeImage before = decode(old.bytes()); NativeImage after = decode(now.bytes()); NativeImage ideal = ideal(file.bytes(), 256)) {
                    assertEquals(before.size(), after.size(), file.name());
                    double same = Psnr.visible(before, after);
                    double native_ = Psnr.visible(ideal, after);
                    double java = Psnr.visible(ideal, before);
                    assertTrue(same >= LEAST_PSNR || native_ >= java - 0.5, String.format(
                            "%s: %.1f dB apart; native %.1f dB, old Java path %.1f dB from the ideal thumbnail", file.name(), same, native_, java));
                }
            }
        }
    }

    @Test
    void dHashFindsTheSameNearDuplicatesAsBefore() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        for (SampleImages.Named file : SampleImages.some(8)) {
            files.put(file.name(), file.bytes());
            recompressedHalf(file.bytes()).ifPresent(copy -> files.put(file.name() + "~copy.jpg", copy));
        }
        ReferencePipeline reference = new ReferencePipeline(ImageLimits.DEFAULT);
        Pipeline dhash = Pipeline.parse(List.of("thumbnail:512", "dhash"), "png"); // how a large set is hashed quickly
        Map<String, Long> before = new HashMap<>();
        Map<String, Long> after = new HashMap<>();
        try (ImageProcessor processor = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofSeconds(60))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                var old = assertInstanceOf(ReferencePipeline.Outcome.Processed.class, reference.process(file.getValue(), dhash));
                var now = assertInstanceOf(ImageProcessor.Result.Processed.class, processor.process(file.getValue(), dhash));
                before.put(file.getKey(), Long.parseUnsignedLong((String) old.metrics().get("dhash"), 16));
                after.put(file.getKey(), Long.parseUnsignedLong((String) now.metrics().get("dhash"), 16));
            }
        }
        for (int bits : new int[] {6, 10}) {
            List<List<String>> groups = DuplicateGroups.of(after, bits);
            assertEquals(DuplicateGroups.of(before, bits), groups, "groups within " + bits + " bits");
            for (String name : files.keySet()) {
                if (files.containsKey(name + "~copy.jpg")) {
                    assertTrue(groups.stream().anyMatch(g -> g.contains(name) && g.contains(name + "~copy.jpg")), name + " and its copy, " + bits + " bits");
                }
            }
        }
    }

    /** A source decoded natively and brought to at most 480 px: what both paths' ops start from. */
    private NativeImage base(SampleImages.Named file) {
        try (NativeImage full = decode(file.bytes())) {
            return Transforms.resize(full, full.size().fitIn(480), opencv_imgproc.INTER_AREA);
        }
    }

    /** The old path read grey as RGB (Java's own grey type would be brightened by its getRGB; see the docs). */
    private static BufferedImage colour(NativeImage image) {
        if (!image.isGrey()) {
            return image.toBufferedImage();
        }
        Mat bgr = new Mat();
        opencv_imgproc.cvtColor(image.mat(), bgr, opencv_imgproc.COLOR_GRAY2BGR);
        try (NativeImage colour = NativeImage.own(bgr)) {
            return colour.toBufferedImage();
        }
    }

    /** Every pixel decoded, then averaged exactly over areas down to the box. */
    private NativeImage ideal(byte[] bytes, int box) {
        try (NativeImage full = decode(bytes)) {
            return Transforms.resize(full, full.size().fitIn(box), opencv_imgproc.INTER_AREA);
        }
    }

    /**
     * The same picture at half the size, recompressed as a JPEG at quality 60: a near-duplicate. None for a picture
     * with transparent parts: dHash reads the colour under them, which the copy loses (to white, or to black when scaled).
     */
    private java.util.Optional<byte[]> recompressedHalf(byte[] bytes) throws Exception {
        try (NativeImage full = decode(bytes)) {
            if (full.hasAlpha()) {
                try (Mat alpha = new Mat()) {
                    org.bytedeco.opencv.global.opencv_core.extractChannel(full.mat(), alpha, 3);
                    double[] least = new double[1];
                    org.bytedeco.opencv.global.opencv_core.minMaxLoc(alpha, least);
                    if (least[0] < 255) {
                        return java.util.Optional.empty();
                    }
                }
            }
            try (NativeImage half = Transforms.resize(full, new io.tessera.engine.images.Dimensions(full.width() / 2, full.height() / 2), opencv_imgproc.INTER_AREA)) {
                return java.util.Optional.of(NativeEncoder.jpeg(half, 60));
            }
        }
    }

    private NativeImage decode(byte[] bytes) {
        return assertInstanceOf(DecodeResult.Decoded.class, decoder.decode(bytes, ShrinkTarget.NONE)).image();
    }
}
