package io.tessera.console.workers;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The console's worker pool settings, beside the other console preferences in the config folder
 * ({@code worker-pool.properties}): on or off, and how many image threads. Default: on, cores − 1 (at least 1).
 */
public final class WorkerPoolSettings {
    public static final int MAX_THREADS = 64;

    private final Path file;
    private boolean enabled = true;
    private int threads = defaultThreads();

    private WorkerPoolSettings(Path file) {
        this.file = file;
    }

    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Reads the file when there is one; an unreadable or odd value means the default. Blocking: off the UI thread. */
    public static WorkerPoolSettings load(Path configDir) {
        WorkerPoolSettings settings = new WorkerPoolSettings(configDir.resolve("worker-pool.properties"));
        if (Files.isReadable(settings.file)) {
            Properties values = new Properties();
            try (Reader in = Files.newBufferedReader(settings.file)) {
                values.load(in);
                settings.enabled = !"false".equalsIgnoreCase(values.getProperty("enabled", "true").strip());
                settings.threads = clamp(Integer.parseInt(values.getProperty("threads", Integer.toString(settings.threads)).strip()));
            } catch (IOException | IllegalArgumentException ignored) {
                // a damaged preferences file is not worth a dialog: defaults for what could not be read
            }
        }
        return settings;
    }

    public static int clamp(int threads) {
        return Math.max(1, Math.min(MAX_THREADS, threads));
    }

    public synchronized boolean enabled() {
        return enabled;
    }

    public synchronized int threads() {
        return threads;
    }

    public synchronized void set(boolean on, int threadCount) {
        enabled = on;
        threads = clamp(threadCount);
    }

    /** Blocking: off the UI thread. */
    public synchronized void save() throws IOException {
        Properties values = new Properties();
        values.setProperty("enabled", Boolean.toString(enabled));
        values.setProperty("threads", Integer.toString(threads));
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            values.store(out, "Tessera console worker pool");
        }
    }
}
