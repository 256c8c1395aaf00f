package io.tessera.engine.images;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the messages that the codecs inside OpenCV print straight to stderr (libpng's "iCCP: known incorrect sRGB
 * profile", libjpeg's "Corrupt JPEG data: 3 extraneous bytes…") off the terminal: they are compiled into OpenCV,
 * so no Java setting reaches them. The process's stderr (file descriptor 2) becomes a pipe read by a daemon thread:
 * codec lines ({@link StderrFilter#CHATTER}) go to the log file at INFO, everything else (Java's System.err, the
 * JVM's own warnings) goes on to the real stderr unchanged. POSIX only; {@code -Dtessera.codec.stderr=pass} leaves
 * stderr alone. The image concerned still fails or succeeds on its own merits; these lines only explain.
 *
 * <p>What goes through the pipe arrives a moment later: a line printed just before the process ends would be lost
 * with the pump thread. So the process's end hands stderr back first ({@link #restore}): at exit by a shutdown hook,
 * and explicitly before a {@code Runtime.halt}, which runs no hooks.
 */
public final class CodecChatter {
    private static final Logger log = LoggerFactory.getLogger(CodecChatter.class);
    static final String PROPERTY = "tessera.codec.stderr";
    private static final long DRAIN_MILLIS = 1_000;
    private static boolean captured;
    private static Runnable restore = () -> { };

    private CodecChatter() {}

    /**
     * Puts the real stderr back and waits (up to a second) until what is still in the pipe has gone through, so
     * the last lines of a process that is about to end reach the terminal. Codec lines after this go to stderr.
     */
    public static synchronized void restore() {
        restore.run();
        restore = () -> { };
    }

    static synchronized void capture() {
        if (captured || "pass".equals(System.getProperty(PROPERTY))) {
            return;
        }
        captured = true;
        Libc.get().ifPresent(CodecChatter::redirect);
    }

    private static void redirect(Libc libc) {
        int stderr = libc.dup(2);
        if (stderr < 0) {
            return;
        }
        int[] pipe = libc.pipe();
        StderrFilter filter = new StderrFilter(bytes -> libc.writeFully(stderr, bytes, bytes.length),
                line -> log.info("codec: {}", line));
        Thread pump = Thread.ofPlatform().daemon().name("codec-stderr").start(() -> pump(libc, pipe[0], stderr, filter));
        libc.dup2(pipe[1], 2);
        libc.close(pipe[1]);
        // fd 2 was the pipe's last write end: putting the real stderr back closes it, so the pump reads what is left, then the end
        restore = () -> {
            System.err.flush();
            libc.dup2(stderr, 2);
            try {
                pump.join(DRAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(CodecChatter::restore, "codec-stderr-restore"));
    }

    /** Reads the pipe until it closes; if this thread ever stops, the real stderr is put back, so nothing blocks on a full pipe. */
    private static void pump(Libc libc, int pipe, int stderr, StderrFilter filter) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(8192);
            byte[] chunk = new byte[8192];
            int failures = 0;
            while (failures < 100) {
                long n = libc.read(pipe, buffer);
                if (n == 0) {
                    filter.finish();
                    return;
                }
                if (n < 0) {
                    failures++; // EINTR; anything else repeats and ends the loop
                    continue;
                }
                failures = 0;
                MemorySegment.copy(buffer, JAVA_BYTE, 0, chunk, 0, (int) n);
                filter.accept(chunk, (int) n);
            }
        } catch (RuntimeException | Error e) {
            log.warn("codec output filter stopped: {}", e.toString());
        } finally {
            libc.dup2(stderr, 2);
        }
    }
}
