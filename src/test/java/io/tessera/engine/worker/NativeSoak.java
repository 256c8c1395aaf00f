package io.tessera.engine.worker;

import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.ops.Pipeline;
import io.tessera.testing.PhotoLike;
import io.tessera.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.bytedeco.javacpp.Pointer;

/**
 * Run in its own JVM by {@link NativeMemoryTest}, with the garbage collector's help for native memory switched off
 * ({@code -Dorg.bytedeco.javacpp.nopointergc=true}): warms up, then pushes hundreds of images (good, corrupt and
 * chatty ones) through several pipelines and prints the resident size before and after.
 */
public final class NativeSoak {
    static final int WARM_UP = 60;

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        List<byte[]> inputs = inputs();
        System.err.println("plain stderr still shows");
        try (ImageProcessor processor = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofSeconds(60))) {
            run(processor, inputs, WARM_UP);
            long residentBefore = Pointer.physicalBytes();
            run(processor, inputs, count);
            System.out.println("SOAK images=" + (WARM_UP + count) + " residentBefore=" + residentBefore + " residentAfter=" + Pointer.physicalBytes());
        }
        System.exit(0);
    }

    /** Every layout at 1200×900, plus files that make the codecs talk or fail. */
    static List<byte[]> inputs() {
        List<byte[]> inputs = new ArrayList<>(PhotoLike.files(1200, 900, 7).values());
        inputs.add(badIccProfile());
        inputs.add(extraneousBytes(PhotoLike.jpeg(PhotoLike.photo(1200, 900, 8), 0.9f)));
        inputs.add(corruptImageData(TestImages.encode(PhotoLike.photo(600, 400, 9), "png")));
        inputs.add(TestImages.truncatedJpeg());
        inputs.add(TestImages.pngClaiming(60_000, 60_000));
        return inputs;
    }

    private static final List<Pipeline> PIPELINES = List.of(
            Pipeline.parse(List.of("thumbnail:256"), null),
            Pipeline.parse(List.of("thumbnail:320", "grayscale", "dhash", "stats"), "png"),
            Pipeline.parse(List.of("resize:w=500", "sharpen", "edges"), "webp"),
            Pipeline.parse(List.of("crop:x=100,y=100,w=600,h=400", "blur:2", "flip:h"), "tiff"),
            Pipeline.parse(List.of("auto-orient", "rotate:90", "resize:scale=0.3"), "gif"),
            Pipeline.parse(List.of("crop:x=5000,y=0,w=10,h=10"), null)); // fails on every image: the error path

    /** {@code n} images, cycling through the inputs and six pipelines. */
    static void run(ImageProcessor processor, List<byte[]> inputs, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            processor.process(inputs.get(i % inputs.size()), PIPELINES.get(i % PIPELINES.size()));
        }
    }

    /** A PNG whose iCCP chunk claims a longer profile than it holds: libpng warns "iCCP: …" on stderr. */
    private static byte[] badIccProfile() {
        byte[] png = TestImages.encode(PhotoLike.photo(300, 200, 3), "png");
        byte[] profile = new byte[132];
        ByteBuffer.wrap(profile).putInt(500);
        Deflater deflater = new Deflater();
        deflater.setInput(profile);
        deflater.finish();
        byte[] packed = new byte[256];
        int n = deflater.deflate(packed);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("bad\0\0".getBytes(StandardCharsets.ISO_8859_1));
        data.write(packed, 0, n);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature + IHDR
        TestImages.chunk(out, "iCCP", data.toByteArray());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    /** A JPEG with garbage before its end marker: libjpeg warns "Corrupt JPEG data: 3 extraneous bytes…". */
    private static byte[] extraneousBytes(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, jpeg.length - 2);
        out.writeBytes(new byte[] {1, 2, 3, (byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** A PNG whose pixel data is garbage: libpng reports an error on stderr and the image fails. */
    private static byte[] corruptImageData(byte[] png) {
        byte[] bad = png.clone();
        java.util.Arrays.fill(bad, 60, bad.length - 20, (byte) 0x11);
        return bad;
    }
}
