package io.tessera.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A `tessera …` command in a separate JVM with this test's classpath, for tests that kill processes. */
public final class JvmProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private JvmProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("jvm-process-output").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    public static JvmProcess tessera(Path home, String... args) throws IOException {
        return tesseraWithHeap("512m", home, args);
    }

    /** With a heap of {@code maxHeap} ({@code -Xmx}), e.g. one too small for an input a test gives it. */
    public static JvmProcess tesseraWithHeap(String maxHeap, Path home, String... args) throws IOException {
        return main(home, List.of("-Xmx" + maxHeap), "io.tessera.cli.TesseraCommand", args);
    }

    /** Any main class of this classpath, with extra JVM options; stdout and stderr come as one stream of lines. */
    public static JvmProcess main(Path home, List<String> jvmOptions, String mainClass, String... args) throws IOException {
        return main(home, Map.of(), jvmOptions, mainClass, args);
    }

    /** The same with {@code environment} added to this JVM's (e.g. a preloaded library that moves the child's clock). */
    public static JvmProcess main(Path home, Map<String, String> environment, List<String> jvmOptions, String mainClass, String... args)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dtessera.home=" + home, "-Dtessera.log.dir=" + home.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new JvmProcess(builder.start());
    }

    /** Any command (an installed `tessera`, run in a throw-away root); stdout and stderr come as one stream of lines. */
    public static JvmProcess start(ProcessBuilder command) throws IOException {
        return new JvmProcess(command.redirectErrorStream(true).start());
    }

    /** Waits for a line containing {@code text}; fails with everything printed so far. */
    public String awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line with '" + text + "' within " + timeout + "; output:\n" + String.join("\n", seen));
    }

    /** Every line printed so far, including those {@link #awaitLine} has not reached yet. */
    public List<String> output() {
        lines.drainTo(seen);
        return List.copyOf(seen);
    }

    /** SIGTERM, with its output still readable afterwards ({@code process().destroy()} closes the streams). */
    public void terminate() {
        process.toHandle().destroy();
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
