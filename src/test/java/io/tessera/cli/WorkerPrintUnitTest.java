package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tessera worker --print-unit`: the units the Linux package installs, word for word, without connecting anywhere. */
class WorkerPrintUnitTest {
    private static final Path UNITS = Path.of("packaging/linux/system");

    @TempDir
    Path home;

    @Test
    void printsThePackagedUnit() throws Exception {
        CliRun run = CliRun.run(home, "worker", "--print-unit");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readString(UNITS.resolve("tessera-worker.service")), run.out());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains("ExecStart=/opt/tessera/bin/tessera worker --profile ${TESSERA_PROFILE} $TESSERA_WORKER_OPTIONS"), run.out());
        assertTrue(lines.contains("User=tessera"), run.out());
        assertTrue(lines.contains("EnvironmentFile=-/etc/tessera/worker.env"), run.out());
        assertTrue(lines.contains("Restart=on-failure"), run.out());
        assertTrue(lines.contains("KillSignal=SIGTERM"), "a stop drains: " + run.out());
        assertEquals("", run.err());
    }

    @Test
    void printsTheTemplateUnitForOneWorkerPerProfile() throws Exception {
        CliRun run = CliRun.run(home, "worker", "--print-unit", "template");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readString(UNITS.resolve("tessera-worker@.service")), run.out());
        assertTrue(run.out().lines().toList().contains("Environment=TESSERA_PROFILE=%i TESSERA_WORKER_OPTIONS="), run.out());
        assertTrue(run.out().lines().toList().contains("EnvironmentFile=-/etc/tessera/worker-%i.env"), run.out());
    }

    @Test
    void anAppImageElsewherePrintsItsOwnLauncher() {
        String unit = WorkerUnits.unit("service", "/srv/tessera/bin/tessera");
        assertTrue(unit.contains("ExecStart=/srv/tessera/bin/tessera worker --profile"), unit);
        assertTrue(!unit.contains("/opt/tessera/bin/tessera"), unit);
    }

    @Test
    void anUnknownKindIsRefusedInOneLine() {
        CliRun run = CliRun.run(home, "worker", "--print-unit", "timer");
        assertEquals(2, run.exitCode());
        assertEquals("tessera worker: --print-unit takes 'service' (tessera-worker.service) or 'template' "
                + "(tessera-worker@.service, one worker per profile), not 'timer'", run.err().strip());
    }
}
