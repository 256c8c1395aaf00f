package io.tessera.engine.images;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenCV, loaded once per process before anything native runs, and made quiet and single-threaded.
 *
 * <p>Quiet: JavaCPP logs through SLF4J, OpenCV's own log level is ERROR, and what the codecs built into OpenCV
 * print on stderr anyway (libpng's "iCCP: known incorrect sRGB profile", libjpeg's "Corrupt JPEG data") is
 * routed to the log by {@link CodecChatter}. Single-threaded: workers and the thumbnail service already run one
 * image per thread, so OpenCV's own thread pool would only oversubscribe the cores ({@code -Dtessera.opencv.threads=N}
 * overrides, e.g. for a benchmark of one big image).
 */
public final class OpenCv {
    private static final Logger log = LoggerFactory.getLogger(OpenCv.class);
    static final String THREADS_PROPERTY = "tessera.opencv.threads";

    private OpenCv() {}

    /** Loads the natives on first use (about a second, once per process); free afterwards. */
    public static void load() {
        Holder.touch();
    }

    /** The version of the OpenCV in use, e.g. {@code 4.13.0}. */
    public static String version() {
        load();
        return opencv_core.CV_VERSION();
    }

    /**
     * The gist of an OpenCV error for a one-line reason: "OpenCV(4.13.0) /build/…/grfmt_webp.cpp:136: error:
     * (-215:Assertion failed) size.width > 0 in function 'readHeader'" becomes "Assertion failed: size.width > 0".
     */
    public static String shortMessage(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
        java.util.regex.Matcher m = OPENCV_ERROR.matcher(message);
        return m.find() ? (m.group(1) + ": " + m.group(2)).strip() : io.tessera.engine.Reasons.oneLine(e);
    }

    /** Whether OpenCV failed for want of memory (its StsNoMem error, or a C++ bad_alloc), not for the input. */
    public static boolean outOfMemory(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Insufficient memory") || message.contains("bad_alloc");
    }

    private static final java.util.regex.Pattern OPENCV_ERROR = java.util.regex.Pattern.compile("error: \\(-?\\d+:([^)]*)\\) (.*?)(?: in function '[^']*')?$");

    private static final class Holder {
        static {
            if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
                System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
            }
            Libc.get().ifPresent(libc -> libc.setenvIfAbsent("OPENCV_LOG_LEVEL", "ERROR"));
            CodecChatter.capture();
            long start = System.nanoTime();
            Loader.load(opencv_core.class);
            Loader.load(opencv_imgproc.class);
            Loader.load(opencv_imgcodecs.class);
            opencv_core.setNumThreads(Integer.getInteger(THREADS_PROPERTY, 1));
            log.info("OpenCV {} loaded in {} ms ({} thread(s) per call)", opencv_core.CV_VERSION(),
                    (System.nanoTime() - start) / 1_000_000, opencv_core.getNumThreads());
        }

        static void touch() {
            // loading happens in the class initialiser, once, thread-safely
        }
    }
}
