package io.tessera.engine.sim;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The sim's processes: each started inside its host's namespace, with the host's name as hostname (a UTS namespace of
 * its own), in a session of its own (it outlives {@code sim up}), its output appended to the host's log, and the
 * variable {@code TESSERA_SIM=<prefix>} in its environment, by which {@code sim down} finds it even when every record is lost.
 */
final class SimProcesses {
    static final String MARKER = "TESSERA_SIM";

    private SimProcesses() {}

    static Process start(SimHost host, String prefix, List<String> command, Path log) throws SimException {
        List<String> full = new ArrayList<>(List.of("setsid", "ip", "netns", "exec", host.namespace(), "unshare", "--uts", "--",
                "sh", "-c", "hostname \"$0\" && exec \"$@\"", host.hostName()));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put(MARKER, prefix);
        try {
            Files.createDirectories(log.getParent());
            return builder.start();
        } catch (IOException e) {
            throw new SimException("cannot start " + command.getFirst() + " on " + host.name() + ": " + e.getMessage(), e);
        }
    }

    /** Pids of every live process whose environment carries this sim's marker. */
    static Set<Long> marked(String prefix) {
        byte[] wanted = (MARKER + "=" + prefix).getBytes(StandardCharsets.UTF_8);
        Set<Long> found = new TreeSet<>();
        File[] entries = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        if (entries == null) {
            return found;
        }
        for (File entry : entries) {
            try {
                byte[] environ = Files.readAllBytes(entry.toPath().resolve("environ"));
                if (containsEntry(environ, wanted)) {
                    found.add(Long.parseLong(entry.getName()));
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended, or is not ours to read
            }
        }
        return found;
    }

    /** Pids of redis-servers (and Sentinels) whose process title names an address of the subnet ("redis-server 10.77.0.31:6379"). */
    static Set<Long> redisOn(String subnet) {
        Set<Long> found = new TreeSet<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String line = p.info().commandLine().orElse("") + " " + readCmdline(p.pid());
            if (line.contains("redis-server " + subnet + ".")) {
                found.add(p.pid());
            }
        });
        return found;
    }

    private static String readCmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** Whether the NUL-separated environment holds exactly {@code wanted} as one entry. */
    static boolean containsEntry(byte[] environ, byte[] wanted) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == wanted.length && java.util.Arrays.equals(environ, start, i, wanted, 0, wanted.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** SIGKILLs the processes and waits (bounded) until they are gone; returns how many were alive. */
    static int kill(Set<Long> pids) {
        List<ProcessHandle> alive = pids.stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream).filter(SimProcesses::running).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle process : alive) {
            awaitEnd(process, deadline); // one still there is reported by the caller's final check
        }
        return alive.size();
    }

    /**
     * Alive and not a zombie. The sim's daemons outlive the `sim up` that started them, so their parent is PID 1, and
     * where PID 1 does not reap orphans (a container's or microVM's init) a killed one stays a zombie, which
     * {@link ProcessHandle#isAlive} and {@link ProcessHandle#onExit} count as alive.
     */
    static boolean running(ProcessHandle process) {
        return process.isAlive() && !zombie(process.pid());
    }

    static boolean running(long pid) {
        return ProcessHandle.of(pid).map(SimProcesses::running).orElse(false);
    }

    /** Until the process ended (or is a zombie), at most until {@code deadline} ({@link System#nanoTime}); true when it did. */
    static boolean awaitEnd(ProcessHandle process, long deadline) {
        while (running(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            int name = stat.lastIndexOf(')'); // "pid (name) S ...": the name may hold spaces and parentheses
            return name > 0 && name + 2 < stat.length() && stat.charAt(name + 2) == 'Z';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** The last lines of a host's log, for a failure message. */
    static String tail(Path log, int lines) {
        try {
            // stack frames say less than the exception's own line
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.strip().startsWith("at ") && !line.strip().startsWith("...")).toList();
            return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }
}
