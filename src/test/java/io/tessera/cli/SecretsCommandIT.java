package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.profile.KeystoreProtection.Kind;
import io.tessera.engine.profile.PassphraseSources;
import io.tessera.engine.profile.SecretStore;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.ProfileHome;
import io.tessera.testing.SharedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tessera secrets` and a worker whose keystore is passphrase-protected: with no passphrase it stops at once with one
 * line and exit 78; with the systemd credential file it connects to a real cluster and runs.
 */
class SecretsCommandIT {
    private static final String PASSPHRASE = "worker host passphrase";

    @TempDir
    Path scratch;

    /** A home whose profile "prod" keeps the shared cluster's Redis password in a passphrase-protected keystore. */
    private static Path passphraseHome() throws Exception {
        Path home = ProfileHome.with("prod", SharedCluster.target());
        SecretStore secrets = SecretStore.inDirectories(AppDirectories.under(home));
        assertTrue(secrets.protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray()));
        return home;
    }

    @Test
    void statusSaysHowTheKeystoreIsProtectedAndProtectNeedsATerminalForAPassphrase() throws Exception {
        Path home = passphraseHome();
        CliRun status = CliRun.run(home, "secrets", "status");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("protection  passphrase") && status.out().contains("PBKDF2WithHmacSHA256, 600000 iterations"), status.out());
        assertFalse(status.out().contains(PASSPHRASE));

        CliRun protect = CliRun.run(home, "secrets", "protect", "--passphrase");
        assertEquals(KeystoreUnlock.EXIT_LOCKED, protect.exitCode(), "the store itself is locked first: " + protect.err());

        CliRun noChoice = CliRun.run(scratch, "secrets", "protect");
        assertEquals(2, noChoice.exitCode(), noChoice.err());
        CliRun fresh = CliRun.run(scratch, "secrets", "protect", "--passphrase");
        assertEquals(2, fresh.exitCode(), fresh.err());
        assertEquals("tessera secrets protect: a new passphrase is typed at a terminal (twice, never echoed); run this command in one",
                fresh.err().strip());
        CliRun keyFile = CliRun.run(scratch, "secrets", "protect", "--key-file");
        assertEquals(0, keyFile.exitCode(), keyFile.err());
        assertTrue(keyFile.out().contains("already protected by its key file"), keyFile.out());
    }

    @Test
    void aWorkerWithALockedKeystoreAndNoPassphraseStopsAtOnceWithExit78() throws Exception {
        Path home = passphraseHome();
        CliRun worker = CliRun.run(home, "worker", "--profile", "prod");
        assertEquals(KeystoreUnlock.EXIT_LOCKED, worker.exitCode(), worker.out() + worker.err());
        List<String> lines = worker.err().strip().lines().toList();
        assertEquals(1, lines.size(), worker.err());
        assertTrue(lines.getFirst().startsWith("tessera worker: The keystore ") && lines.getFirst().contains("is protected by a passphrase and none was given")
                && lines.getFirst().contains(PassphraseSources.FILE_ENV) && lines.getFirst().contains(PassphraseSources.CREDENTIAL_NAME), lines.getFirst());
    }

    @Test
    void aWorkerReadsThePassphraseFromItsSystemdCredentialAndRuns() throws Exception {
        Path home = passphraseHome();
        Path credentials = Files.createDirectories(scratch.resolve("credentials"));
        Files.writeString(credentials.resolve(PassphraseSources.CREDENTIAL_NAME), PASSPHRASE + "\n");

        try (JvmProcess wrong = worker(home, PassphraseSources.FILE_ENV, writeFile("not the passphrase"))) {
            wrong.awaitLine("Wrong passphrase", Duration.ofSeconds(60));
            assertTrue(wrong.process().waitFor(60, TimeUnit.SECONDS));
            assertEquals(KeystoreUnlock.EXIT_LOCKED, wrong.process().exitValue(), String.join("\n", wrong.output()));
        }
        try (JvmProcess worker = worker(home, PassphraseSources.CREDENTIALS_ENV, credentials.toString())) {
            worker.awaitLine("running with 1 threads on profile prod", Duration.ofSeconds(90));
            worker.terminate();
            assertTrue(worker.process().waitFor(60, TimeUnit.SECONDS), "the worker drained and stopped");
        }
    }

    private String writeFile(String content) throws Exception {
        Path file = scratch.resolve("passphrase-" + System.nanoTime());
        Files.writeString(file, content);
        return file.toString();
    }

    /** `tessera worker --profile prod` in its own JVM, with one variable a service manager would set. */
    private static JvmProcess worker(Path home, String variable, String value) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx512m",
                "-Dtessera.home=" + home, "-Dtessera.log.dir=" + home.resolve("logs"), "-cp", System.getProperty("java.class.path"),
                "io.tessera.cli.TesseraCommand", "worker", "--profile", "prod", "--threads", "1"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(PassphraseSources.FILE_ENV);
        builder.environment().remove(PassphraseSources.CREDENTIALS_ENV);
        builder.environment().put(variable, value);
        return JvmProcess.start(builder);
    }
}
