package io.tessera.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.profile.SentinelUri;
import io.tessera.engine.sim.SimHost.Role;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimLayoutTest {
    @Test
    void everyHostHasItsOwnAddressAndNamesFitLinuxInterfaceNames() {
        SimLayout layout = SimLayout.of("tsim", "10.77.0", SimLayout.MAX_WORKERS);
        assertEquals(12 + SimLayout.MAX_WORKERS, layout.hosts().size());
        assertEquals(1, layout.hosts(Role.NAMENODE).size());
        assertEquals(3, layout.hosts(Role.DATANODE).size());
        assertEquals(3, layout.hosts(Role.ZOOKEEPER).size());
        assertEquals(3, layout.hosts(Role.SENTINEL).size());
        assertEquals(layout.hosts().size(), new HashSet<>(layout.hosts().stream().map(SimHost::address).toList()).size());
        assertFalse(layout.hosts().stream().anyMatch(h -> h.address().equals(layout.gateway())));
        for (SimHost host : layout.hosts()) {
            assertTrue(host.link().length() <= 15 && host.namespace().startsWith("tsim-"), host.toString());
        }
        assertTrue(layout.bridge().length() <= 15 && layout.bridge().startsWith("tsim-"));
        assertEquals("hdfs://10.77.0.10:8020", layout.hdfsUri());
        assertEquals("10.77.0.21:2181,10.77.0.22:2181,10.77.0.23:2181", layout.zooKeeperConnect());
        SentinelUri redis = SentinelUri.parse(layout.redisSentinelUri());
        assertEquals(3, redis.sentinels().size());
        assertEquals(SimLayout.REDIS_MASTER_NAME, redis.masterName());
        assertEquals("10.77.0.101", layout.host("w1").address());
        assertEquals(layout.host("w1"), layout.host("tsim-w1"));
    }

    @Test
    void refusesWhatWouldTouchMoreThanItsOwn() {
        assertThrows(IllegalArgumentException.class, () -> SimLayout.of("TSIM", "10.77.0", 1));
        assertThrows(IllegalArgumentException.class, () -> SimLayout.of("toolongx", "10.77.0", 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimLayout.of("tsim", "8.8.8", 1)).getMessage().contains("private /24"));
        assertThrows(IllegalArgumentException.class, () -> SimLayout.of("tsim", "10.77.300", 1));
        assertThrows(IllegalArgumentException.class, () -> SimLayout.of("tsim", "10.77.0", SimLayout.MAX_WORKERS + 1));
        assertThrows(java.util.NoSuchElementException.class, () -> SimLayout.of("tsim", "10.77.0", 1).host("w2"));
    }

    @Test
    void theProcessMarkerMatchesWholeEntriesOnly() {
        byte[] environ = String.join("\0", List.of("PATH=/bin", "TESSERA_SIM=tsim", "HOME=/root")).getBytes(StandardCharsets.UTF_8);
        assertTrue(SimProcesses.containsEntry(environ, "TESSERA_SIM=tsim".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SimProcesses.containsEntry(environ, "TESSERA_SIM=tsi".getBytes(StandardCharsets.UTF_8)));
        byte[] other = "TESSERA_SIM=tsimt\0".getBytes(StandardCharsets.UTF_8);
        assertFalse(SimProcesses.containsEntry(other, "TESSERA_SIM=tsim".getBytes(StandardCharsets.UTF_8)));
    }
}
