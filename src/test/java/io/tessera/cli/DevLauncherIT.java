package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `packaging/tessera`, the README's way to run a command from a build tree: a failing command exits with its own
 * status and prints its own one-line error, with none of Maven's output around it (`./mvnw -Pconsole
 * -Dtessera.args=…` buried both under ~40 lines of ExecuteException). The first run may build the class path
 * through the Maven Wrapper (up to a minute on a busy machine); that build must be silent too.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DevLauncherIT {
    private static final Path LAUNCHER = Path.of("packaging/tessera").toAbsolutePath();
    private static final List<String> MAVEN_NOISE = List.of("[ERROR]", "[INFO]", "[WARNING]", "BUILD", "ExecuteException",
            "MojoExecutionException", "mvn", "Maven");

    @TempDir
    Path home;

    @Test
    void aFailingCommandExitsWithItsOwnStatusAndItsOwnOneLineError() throws Exception {
        assertFailsAsInProcess("check", "--profile", "no-such-profile");
        // a command whose status is not 1, so a generic failure of the launcher could not pass for it
        assertFailsAsInProcess("worker", "--threads", "0");
    }

    @Test
    void aSucceedingCommandPrintsOnlyItsOwnOutput() throws Exception {
        Result result = launch("--version");
        assertEquals(0, result.exitCode, result.toString());
        assertTrue(result.out.startsWith("Tessera "), result.toString());
        assertEquals("", result.err, result.toString());
    }

    private void assertFailsAsInProcess(String... args) throws Exception {
        CliRun expected = CliRun.run(home, args);
        assertTrue(expected.exitCode() != 0, "the command itself fails: " + expected);
        assertEquals(1, expected.err().strip().lines().count(), "one line: " + expected.err());

        Result result = launch(args);
        assertEquals(expected.exitCode(), result.exitCode, result.toString());
        assertEquals(expected.err().strip(), result.err.strip(), result.toString());
        assertEquals(expected.out().strip(), result.out.strip(), result.toString());
        for (String noise : MAVEN_NOISE) {
            assertFalse(result.err.contains(noise) || result.out.contains(noise), "'" + noise + "' in " + result);
        }
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(concat(LAUNCHER.toString(), args))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("TESSERA_HOME", home.toString());
        Process process = builder.start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("packaging/tessera " + String.join(" ", args) + " did not end within 4 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> concat(String first, String... rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.stream.Stream.of(rest)).toList();
    }

    private record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
