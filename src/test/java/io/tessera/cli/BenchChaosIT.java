package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.testing.SharedCluster;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `tessera bench chaos` with small numbers on the shared cluster: three worker JVMs, one SIGKILLed every 0.3 s
 * and replaced while 120 small images are thumbnailed. Nothing may be lost or done twice, every output decodes.
 */
class BenchChaosIT {
    @Test
    void killingWorkersMidJobLosesNothingAndDuplicatesNothing() {
        Path home = SharedCluster.directories().data().getParent();
        // the first kill 0.3 s into the chaos job: on a quiet machine the 120 images take about a second, and a kill
        // every second once came after the job had finished (no worker died, nothing tested)
        CliRun run = CliRun.run(home, "bench", "chaos", "--profile", "Local", "--images", "120", "--size", "64x48", "--op", "thumbnail:24",
                "--kill-every", "0.3", "--visibility-timeout", "3", "--timeout", "4");
        String all = run.out() + run.err();
        System.out.print(all); // the run's own account, kills and timings, in the test report
        assertEquals(0, run.exitCode(), all);
        assertTrue(run.out().contains("\nlost: 0\n") && run.out().contains("\nduplicated: 0\n"), all);
        assertTrue(run.out().contains("chaos job: 120 inputs, 120 outputs decoded, 0 failed; 0 undecodable outputs, 0 temporaries left"), all);
        assertTrue(run.out().contains("baseline job: 120 inputs, 120 outputs decoded, 0 failed; 0 undecodable outputs, 0 temporaries left"), all);
        Matcher kills = Pattern.compile("chaos, (\\d+) workers? SIGKILLed: [0-9.,]+ images/s").matcher(run.out());
        assertTrue(kills.find(), all);
        assertTrue(Integer.parseInt(kills.group(1)) >= 1, "at least one worker died mid-job: " + all);
    }
}
