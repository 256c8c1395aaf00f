package io.tessera.engine.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs short system commands ({@code ip}, …) and turns a failure into one line that quotes the command and its error. */
final class Commands {
    private static final long TIMEOUT_SECONDS = 30;

    private Commands() {}

    /** Runs the command and returns what it printed; throws when it fails or hangs. */
    static String run(String... command) throws SimException {
        Result result = attempt(command);
        if (result.exitCode() != 0) {
            throw new SimException("`" + String.join(" ", command) + "` failed: " + firstLine(result.error(), result.output()));
        }
        return result.output();
    }

    /** Runs the command and reports how it went, for clean-ups that go on past a failure. */
    static Result attempt(String... command) throws SimException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new SimException("cannot run `" + command[0] + "`: " + e.getMessage() + " (the sim needs iproute2 and util-linux, as root)", e);
        }
        CompletableFuture<String> output = read(process.getInputStream());
        CompletableFuture<String> error = read(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SimException("`" + String.join(" ", command) + "` did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), output.join(), error.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new SimException("interrupted while running `" + String.join(" ", command) + "`", e);
        }
    }

    record Result(int exitCode, String output, String error) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
    }

    private static String firstLine(String... texts) {
        for (String text : texts) {
            List<String> lines = text.strip().lines().filter(l -> !l.isBlank()).toList();
            if (!lines.isEmpty()) {
                return lines.getFirst().strip();
            }
        }
        return "no message";
    }
}
