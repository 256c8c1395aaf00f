package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.cluster.ClusterEndpoints;
import io.tessera.testing.SharedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The picocli commands end to end, against the shared embedded cluster. */
class CliCommandsIT {

    private static Path sharedHome() {
        return SharedCluster.directories().data().getParent();
    }

    @Test
    void versionNamesTesseraAndTheJava() {
        CliRun run = CliRun.run(sharedHome(), "--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Tessera "), run.out());
        assertTrue(run.out().contains("Java 25"), run.out());
    }

    @Test
    void checkOfTheLocalProfileShowsThreeServicesUpAndExitsZero() {
        CliRun run = CliRun.run(sharedHome(), "check", "--profile", "Local");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(3, run.out().lines().filter(l -> l.contains(" UP ")).count(), run.out());
    }

    @Test
    void checkOfAnUnknownProfileSaysSoInOneLine() {
        CliRun run = CliRun.run(sharedHome(), "check", "--profile", "nope");
        assertEquals(1, run.exitCode());
        assertEquals("tessera check: no profile named 'nope' (see `tessera profile list`)", run.err().strip());
    }

    @Test
    void aSavedClusterProfileWithTheRightPasswordChecksUpAndAWrongOneExitsNonZero(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        ClusterEndpoints e = SharedCluster.get().endpoints();
        String password = Files.readString(SharedCluster.get().redisPasswordFile()).strip();
        CliRun saved = CliRun.run(home, "profile", "save", "shared", "--hdfs", e.hdfsUri(), "--zookeeper", e.zooKeeperConnect(),
                "--redis", e.redisUri(), "--redis-password=" + password);
        assertEquals(0, saved.exitCode(), saved.err());
        assertFalse(Files.readString(home.resolve("config/profiles.json")).contains(password), "password written to the profile file");

        CliRun good = CliRun.run(home, "check", "-p", "shared");
        assertEquals(0, good.exitCode(), good.out() + good.err());

        CliRun.run(home, "profile", "save", "shared", "--hdfs", e.hdfsUri(), "--zookeeper", e.zooKeeperConnect(),
                "--redis", e.redisUri(), "--redis-password=wrong");
        CliRun bad = CliRun.run(home, "check", "-p", "shared", "--timeout", "2");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.out().contains("Redis: the server rejected the user name or password"), bad.out());

        assertEquals(0, CliRun.run(home, "profile", "remove", "shared").exitCode());
        assertTrue(CliRun.run(home, "profile", "list").out().strip().startsWith("Local"));
    }

    @Test
    void theLargestInputSizeIsSavedWithAProfileShownInTheListAndChecked(@org.junit.jupiter.api.io.TempDir Path home) {
        CliRun saved = CliRun.run(home, "profile", "save", "lab", "--hdfs", "hdfs://nn:8020", "--zookeeper", "zk:2181", "--redis", "redis://r:6379",
                "--max-input-mb", "64");
        assertEquals(0, saved.exitCode(), saved.err());
        String list = CliRun.run(home, "profile", "list").out();
        assertTrue(list.lines().anyMatch(l -> l.startsWith("lab ") && l.endsWith("| inputs up to 64 MB")), list);
        assertTrue(list.lines().anyMatch(l -> l.startsWith("Local ") && l.endsWith("| inputs up to 128 MB")), list);

        CliRun tooLarge = CliRun.run(home, "profile", "save", "lab", "--hdfs", "hdfs://nn:8020", "--zookeeper", "zk:2181", "--redis", "redis://r:6379",
                "--max-input-mb", "4096");
        assertEquals(2, tooLarge.exitCode());
        assertTrue(tooLarge.err().contains("Largest input: between 1 and 1024 MB, not 4096 MB."), tooLarge.err());
    }

    @Test
    void aMalformedProfileIsRefusedWithEveryReason(@org.junit.jupiter.api.io.TempDir Path home) {
        CliRun run = CliRun.run(home, "profile", "save", "broken", "--hdfs", "namenode:8020", "--zookeeper", "zk", "--redis", "http://r");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("HDFS URI") && run.err().contains("ZooKeeper") && run.err().contains("Redis URI"), run.err());
        assertFalse(Files.exists(home.resolve("config/profiles.json")));
    }
}
