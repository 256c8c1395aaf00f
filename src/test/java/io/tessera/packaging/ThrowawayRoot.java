package io.tessera.packaging;

import io.tessera.testing.JvmProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away copy of this machine to install packages into as root: an overlay of "/" (writes go to a folder of the
 * test's) in a mount namespace of its own, entered with chroot. dpkg, maintainer scripts, useradd and the installed
 * programs run for real, and nothing reaches the machine itself; closing kills what runs inside and deletes the writes.
 * Like a container, it has no running systemd (its /run is empty) and shares the machine's network.
 */
final class ThrowawayRoot implements AutoCloseable {
    private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private final Path dir;
    private final Path root;
    private final Process holder;
    private final String namespace;

    private ThrowawayRoot(Path dir, Path root, Process holder) throws IOException {
        this.dir = dir;
        this.root = root;
        this.holder = holder;
        this.namespace = Files.readSymbolicLink(Path.of("/proc", Long.toString(holder.pid()), "ns", "mnt")).toString();
    }

    /** Mounts the copy; {@code dir} receives its writes. Needs root (CAP_SYS_ADMIN) and overlayfs. */
    static ThrowawayRoot create(Path dir) throws IOException {
        Path upper = Files.createDirectories(dir.resolve("upper"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path root = Files.createDirectories(dir.resolve("root"));
        String mounts = String.join(" && ",
                "mount -t overlay overlay -o lowerdir=/,upperdir=" + upper + ",workdir=" + work + " " + root,
                "mount -t proc proc " + root + "/proc",
                "mount --rbind /dev " + root + "/dev",
                "mount --rbind /sys " + root + "/sys",
                "mount -t tmpfs tmpfs " + root + "/run",
                "echo ready",
                "exec sleep infinity");
        Process holder = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "--fork", "sh", "-c", mounts)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        List<String> said = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("ready")) {
                return new ThrowawayRoot(dir, root, holder);
            }
            said.add(line);
        }
        throw new IOException("cannot make a throw-away root (needs root and overlayfs): " + String.join(" / ", said));
    }

    /** A command run inside, as root, with a clean environment plus {@code env}. */
    ProcessBuilder command(Map<String, String> env, String... command) {
        List<String> line = new ArrayList<>(List.of("nsenter", "--target", Long.toString(holder.pid()), "--mount", "--",
                "chroot", root.toString(), "/usr/bin/env", "-i", PATH, "HOME=/root", "LANG=C.UTF-8"));
        env.forEach((key, value) -> line.add(key + "=" + value));
        line.addAll(List.of(command));
        return new ProcessBuilder(line);
    }

    /** Runs a command inside to its end (at most {@code timeout}). */
    Result run(Duration timeout, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = command(env, command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + "; output:\n"
                    + Files.readString(out) + Files.readString(err));
        }
        Result result = new Result(String.join(" ", command), process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    Result run(String... command) throws IOException, InterruptedException {
        return run(Duration.ofMinutes(3), Map.of(), command);
    }

    /** A command started inside and left running; its output comes as lines. SIGTERM reaches the command itself. */
    JvmProcess start(Map<String, String> env, String... command) throws IOException {
        return JvmProcess.start(command(env, command));
    }

    /** Where a file written inside lies on this machine (only files the copy changed are there). */
    Path written(String path) {
        return dir.resolve("upper").resolve(path.substring(1));
    }

    /** Kills whatever still runs inside, unmounts (the namespace ends) and deletes the writes. */
    @Override
    public void close() throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> Long.parseLong(p.getFileName().toString()) != holder.pid())
                    .filter(p -> namespace.equals(mountNamespace(p)))
                    .forEach(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(ProcessHandle::destroyForcibly));
        }
        holder.destroyForcibly();
        try {
            holder.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    /** Deletes a folder and all in it, without following links. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String mountNamespace(Path process) {
        try {
            return Files.readSymbolicLink(process.resolve("ns/mnt")).toString();
        } catch (IOException e) {
            return ""; // ended meanwhile, or not ours to read
        }
    }

    record Result(String command, int exitCode, String out, String err) {
        Result expectSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(this.toString());
            }
            return this;
        }

        @Override
        public String toString() {
            return command + " exited " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
