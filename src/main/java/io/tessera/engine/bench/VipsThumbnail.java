package io.tessera.engine.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reference for image speed: {@code vipsthumbnail --size BOXxBOX -o OUT/%s.jpg[Q=85]} from libvips-tools, one
 * process per thread of the contender it is compared with. The files are spread over the processes before they start
 * (largest first, each to the process with the fewest bytes so far), as {@code xargs -P N -n M} would hand out lists:
 * every process pays libvips' start (about 70 ms here) once, not once per file.
 */
public final class VipsThumbnail {
    /** What to run when it is missing. */
    public static final String INSTALL_HINT = "apt-get install libvips-tools";
    private static final long TIMEOUT_MINUTES = 30;

    private final Path binary;

    private VipsThumbnail(Path binary) {
        this.binary = binary;
    }

    /** The {@code vipsthumbnail} on the PATH, if any. */
    public static Optional<VipsThumbnail> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "vipsthumbnail");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new VipsThumbnail(candidate));
            }
        }
        return Optional.empty();
    }

    /** e.g. "vips-8.14.1" (what {@code --version} prints). */
    public String version() throws IOException, InterruptedException {
        return run(List.of(binary.toString(), "--version")).strip();
    }

    /** The command one process runs, for the record. */
    public static String commandText(int box, int quality) {
        return "vipsthumbnail --size " + box + "x" + box + " -o OUT/%s.jpg[Q=" + quality + "] FILES…";
    }

    /**
     * Thumbnails every file into {@code outDir} as JPEG, {@code processes} processes at once; returns when all have
     * ended. Outputs are named after the inputs without their extension, so the caller keeps those names distinct.
     *
     * @throws IOException when a process fails, with what it printed
     */
    public void thumbnail(List<Path> files, Path outDir, int processes, int box, int quality) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        String output = outDir.toAbsolutePath() + "/%s.jpg[Q=" + quality + "]";
        List<Process> running = new ArrayList<>();
        try {
            for (List<Path> share : spread(files, processes)) {
                if (share.isEmpty()) {
                    continue;
                }
                List<String> command = new ArrayList<>(List.of(binary.toString(), "--size", box + "x" + box, "-o", output));
                share.forEach(f -> command.add(f.toAbsolutePath().toString()));
                running.add(new ProcessBuilder(command).redirectErrorStream(true).start());
            }
            for (Process process : running) {
                String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IOException("vipsthumbnail failed: " + printed.strip().lines().findFirst().orElse("exit code " + process.exitValue()));
                }
            }
        } finally {
            running.forEach(Process::destroyForcibly);
        }
    }

    /** Largest first, each file to the share with the fewest bytes so far. */
    static List<List<Path>> spread(List<Path> files, int shares) throws IOException {
        record Sized(Path file, long bytes) {}
        List<Sized> bySize = new ArrayList<>();
        for (Path file : files) {
            bySize.add(new Sized(file, Files.size(file)));
        }
        bySize.sort(Comparator.comparingLong(Sized::bytes).reversed());
        List<List<Path>> lists = new ArrayList<>();
        long[] bytes = new long[shares];
        for (int i = 0; i < shares; i++) {
            lists.add(new ArrayList<>());
        }
        for (Sized file : bySize) {
            int least = 0;
            for (int s = 1; s < shares; s++) {
                least = bytes[s] < bytes[least] ? s : least;
            }
            lists.get(least).add(file.file());
            bytes[least] += file.bytes();
        }
        return lists;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        return printed;
    }
}
