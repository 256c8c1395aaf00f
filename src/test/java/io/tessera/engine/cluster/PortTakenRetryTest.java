package io.tessera.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import java.io.IOException;
import java.net.BindException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** A freely chosen port taken before the server bound it is chosen again; nothing else is retried. */
class PortTakenRetryTest {
    /** Fails as told, in order, then listens. */
    private static final class Scripted implements EmbeddedService {
        final Queue<ClusterStartException> failures;
        final boolean free;
        int starts;

        Scripted(boolean free, ClusterStartException... failures) {
            this.free = free;
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public ServiceKind kind() {
            return ServiceKind.ZOOKEEPER;
        }

        @Override
        public String start() throws ClusterStartException {
            starts++;
            ClusterStartException next = failures.poll();
            if (next != null) {
                throw next;
            }
            return "127.0.0.1:" + (40000 + starts);
        }

        @Override
        public boolean choosesItsPort() {
            return free;
        }

        @Override
        public void close() {
        }
    }

    private static ClusterStartException taken() {
        return new ClusterStartException("ZooKeeper did not start: Address already in use", new BindException("Address already in use"));
    }

    @Test
    void aTakenFreePortIsChosenAgain() throws Exception {
        Scripted service = new Scripted(true, taken(), taken());
        assertEquals("127.0.0.1:40003", PortTakenRetry.start(service));
        assertEquals(3, service.starts);
    }

    @Test
    void itGivesUpAfterItsAttempts() {
        Scripted service = new Scripted(true, taken(), taken(), taken(), taken());
        assertThrows(ClusterStartException.class, () -> PortTakenRetry.start(service));
        assertEquals(PortTakenRetry.ATTEMPTS, service.starts);
    }

    @Test
    void aFixedPortAndOtherFailuresAreNotRetried() {
        ClusterStartException fixed = taken();
        Scripted settingsPort = new Scripted(false, fixed);
        assertSame(fixed, assertThrows(ClusterStartException.class, () -> PortTakenRetry.start(settingsPort)));
        assertEquals(1, settingsPort.starts);

        Scripted broken = new Scripted(true, new ClusterStartException("HDFS did not start: disk full", new IOException("No space left on device")));
        assertThrows(ClusterStartException.class, () -> PortTakenRetry.start(broken));
        assertEquals(1, broken.starts);
    }

    @Test
    void redisSaysSoInItsLogLine() {
        assertTrue(PortTakenRetry.portTaken(new ClusterStartException(
                "Redis did not start: redis-server exited: Warning: Could not create server TCP listening socket 127.0.0.1:41234: bind: Address already in use")));
        assertFalse(PortTakenRetry.portTaken(new ClusterStartException("Redis did not start: redis-server exited: Fatal error loading the DB")));
    }
}
