package io.tessera.engine.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZooKeeperAddressTest {
    @Test
    void theServersOfAConnectStringLoseTheChrootAndTheirSpaces() {
        assertEquals(List.of("zk1:2181", "zk2", "[::1]:2182"), ZooKeeperAddress.serversOf("zk1:2181, zk2 ,[::1]:2182/tessera/prod"));
    }

    @Test
    void eachServerFormHasItsHostAndPort() {
        assertEquals(new ZooKeeperAddress("zk1", 2888), ZooKeeperAddress.parse("zk1:2888"));
        assertEquals(new ZooKeeperAddress("zk1", 2181), ZooKeeperAddress.parse("zk1"));
        assertEquals(new ZooKeeperAddress("::1", 2182), ZooKeeperAddress.parse("[::1]:2182"));
        assertEquals(new ZooKeeperAddress("fe80::1", 2181), ZooKeeperAddress.parse("[fe80::1]"));
        assertEquals(new ZooKeeperAddress("fe80::1", 2181), ZooKeeperAddress.parse("fe80::1"));
        assertThrows(NumberFormatException.class, () -> ZooKeeperAddress.parse("zk1:two"));
    }
}
