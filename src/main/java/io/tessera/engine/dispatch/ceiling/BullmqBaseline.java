package io.tessera.engine.dispatch.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * BullMQ's no-op jobs, the baseline of the coordination ceiling: {@code packaging/bench/bullmq/noop.mjs} run by node, its
 * bullmq pinned by that folder's package.json and installed there with {@code npm ci} the first time. Without node and
 * npm the benchmark runs without it and says how to get it ({@link #INSTALL_HINT}).
 */
public final class BullmqBaseline {
    public static final String INSTALL_HINT = "apt-get install nodejs npm (the bench then installs the pinned bullmq with npm ci in packaging/bench/bullmq)";
    private static final String SCRIPT = "noop.mjs";
    private static final long TIMEOUT_MINUTES = 10;

    private final Path dir;

    private BullmqBaseline(Path dir) {
        this.dir = dir;
    }

    /** One run's figures, as the script prints them. */
    public record Run(String version, int jobs, int concurrency, double addSeconds, double seconds) {}

    /**
     * The baseline in {@code dir} (the folder with noop.mjs and package.json), installed with {@code npm ci} when its
     * node_modules is missing; empty when node or npm is not on the PATH, or there is no such folder. {@code log} hears
     * what it does.
     */
    public static Optional<BullmqBaseline> prepare(Path dir, java.util.function.Consumer<String> log) throws IOException, InterruptedException {
        boolean script = Files.isRegularFile(dir.resolve(SCRIPT));
        if (!script || !runs("node") || !runs("npm")) {
            log.accept("BullMQ baseline left out: " + (script ? "node/npm not found; " + INSTALL_HINT
                    : "no " + dir.resolve(SCRIPT) + " (run from the project's folder, or pass --bullmq-dir)"));
            return Optional.empty();
        }
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("bullmq"))) {
            log.accept("Installing the pinned bullmq in " + dir + " (npm ci)");
            try {
                run(List.of("npm", "ci", "--no-audit", "--no-fund"), dir, null);
            } catch (IOException e) {
                log.accept("BullMQ baseline left out: " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(new BullmqBaseline(dir));
    }

    /** Adds {@code jobs} no-op jobs under {@code prefix} and works them off with {@code concurrency}; the password goes in the environment. */
    Run run(String uri, String password, int jobs, int concurrency, String prefix) throws IOException, InterruptedException {
        String printed = run(List.of("node", SCRIPT, "--url", uri, "--jobs", Integer.toString(jobs), "--concurrency",
                Integer.toString(concurrency), "--prefix", prefix), dir, password);
        return parse(printed);
    }

    /** The script's result: its last line that is a JSON object. */
    public static Run parse(String printed) {
        List<String> lines = printed.lines().map(String::strip).filter(l -> l.startsWith("{")).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the BullMQ baseline printed no result: "
                    + printed.strip().lines().reduce((a, b) -> b).orElse("nothing"));
        }
        try {
            JsonNode json = Json.mapper().readTree(lines.getLast());
            return new Run(json.path("version").asText("?"), json.path("jobs").asInt(), json.path("concurrency").asInt(),
                    json.path("addSeconds").asDouble(), json.path("seconds").asDouble());
        } catch (IOException e) {
            throw new IllegalArgumentException("the BullMQ baseline's result is not JSON: " + lines.getLast(), e);
        }
    }

    private static String run(List<String> command, Path dir, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (password != null) {
            builder.environment().put("REDIS_PASSWORD", password);
        }
        Process process = builder.start();
        try {
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(command.getFirst() + " failed: " + printed.strip().lines().reduce((a, b) -> b).orElse("exit code " + process.exitValue()));
            }
            return printed;
        } finally {
            process.destroyForcibly();
        }
    }

    /** Whether {@code command --version} runs (the program is on the PATH). */
    private static boolean runs(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
