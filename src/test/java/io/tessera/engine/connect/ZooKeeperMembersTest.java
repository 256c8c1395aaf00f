package io.tessera.engine.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.health.ZooKeeperMember;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZooKeeperMembersTest {
    @Test
    void mntrGivesModeLatencyQueueAndCounts() {
        ZooKeeperMember member = ZooKeeperMembers.fromMntr("zk1:2181", String.join("\n",
                "zk_version\t3.9.3-c26634f34490bb0ea7a09cc51e05ede3b4e320ee, built on 2024-10-17 23:21 UTC",
                "zk_server_state\tfollower", "zk_avg_latency\t0.4286", "zk_max_latency\t17", "zk_outstanding_requests\t2",
                "zk_znode_count\t1234", "zk_watch_count\t56", "zk_num_alive_connections\t7"));
        assertEquals(new ZooKeeperMember("zk1:2181", "follower", null, "3.9.3", 0.4286, 17, 2, 1234, 56, 7), member);
    }

    @Test
    void srvrFillsWhatMntrLeftOut() {
        ZooKeeperMember mntr = ZooKeeperMembers.fromMntr("zk1:2181", "zk_version\t3.9.3\nzk_server_state\tstandalone\n");
        ZooKeeperMember srvr = ZooKeeperMembers.fromSrvr("zk1:2181", String.join("\n", "Zookeeper version: 3.9.3-abc, built on x",
                "Latency min/avg/max: 0/1.5/12", "Received: 10", "Sent: 10", "Connections: 3", "Outstanding: 0", "Zxid: 0x1",
                "Mode: standalone", "Node count: 42"));
        assertEquals(new ZooKeeperMember("zk1:2181", "standalone", null, "3.9.3", 1.5, 12, 0, 42, -1, 3), mntr.orElse(srvr));
    }

    @Test
    void aServerWithoutQuorumSaysSo() {
        ZooKeeperMember member = ZooKeeperMembers.fromMntr("zk1:2181", "This ZooKeeper instance is not currently serving requests\n");
        assertEquals("up, but not serving requests (no quorum)", member.problem());
    }

    @Test
    void aServerThatIsDownIsReportedNotLeftOut() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var figures = ZooKeeperMembers.read("127.0.0.1:" + closed + ",127.0.0.1:" + closed + "/chroot", Duration.ofSeconds(2));
        assertEquals(2, figures.members().size());
        assertEquals("127.0.0.1:" + closed, figures.members().get(1).address(), "the chroot is not part of the address");
        assertTrue(figures.members().stream().allMatch(m -> m.problem().equals("down: connection refused")), figures.toString());
    }
}
