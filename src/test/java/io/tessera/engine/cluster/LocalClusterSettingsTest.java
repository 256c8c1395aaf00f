package io.tessera.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClusterSettingsTest {
    @TempDir
    Path dir;

    @Test
    void noFileMeansFreePorts() throws Exception {
        assertEquals(LocalClusterSettings.freePorts(dir), LocalClusterSettings.load(dir.resolve("missing.properties"), dir));
    }

    @Test
    void fixedPortsAreReadAndMissingKeysStayFree() throws Exception {
        Path file = Files.writeString(dir.resolve("local-cluster.properties"), "# fixed for the firewall\nhdfs.port = 9820\nredis.port=6390\n");
        assertEquals(new LocalClusterSettings(dir, 9820, 0, 6390), LocalClusterSettings.load(file, dir));
    }

    @Test
    void unusableValuesAreNamed() throws Exception {
        Path words = Files.writeString(dir.resolve("a.properties"), "zookeeper.port=two thousand\n");
        assertEquals("a.properties: zookeeper.port must be a port number (0 for any free port), not 'two thousand'",
                assertThrows(IllegalArgumentException.class, () -> LocalClusterSettings.load(words, dir)).getMessage());
        Path range = Files.writeString(dir.resolve("b.properties"), "redis.port=70000\n");
        assertEquals("Redis port must be 0 (any free port) or 1-65535, not 70000",
                assertThrows(IllegalArgumentException.class, () -> LocalClusterSettings.load(range, dir)).getMessage());
    }
}
