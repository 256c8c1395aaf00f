package io.tessera.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.console.connection.Session;
import io.tessera.console.status.ServiceStatusModel;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import io.tessera.engine.profile.SecretRef;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthViewModelTest {
    @TempDir
    Path home;

    @Test
    void cardsShowStateSummaryDetailsLatencyAndLastCheck() {
        TestContexts app = new TestContexts(home);
        HealthViewModel health = app.context.health();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Version", "7.0.15");
        details.put("Keys", "42");
        app.context.session().health().show(new ServiceHealth(ServiceKind.REDIS, ServiceHealth.State.UP,
                "Redis 7.0.15, 42 keys, 1M", details, 12, Instant.now()));

        ServiceStatusModel redis = health.services().get(2);
        assertEquals("Redis", redis.name());
        assertEquals("Up", redis.stateText().get());
        assertEquals("state-up", redis.styleClass().get());
        assertEquals("Redis 7.0.15, 42 keys, 1M", redis.summary().get());
        assertEquals(List.of(Map.entry("Version", "7.0.15"), Map.entry("Keys", "42")), redis.details().get());
        assertEquals("12 ms", redis.latency().get());
        assertTrue(redis.lastCheck().get().startsWith("checked "), redis.lastCheck().get());
        assertEquals("Unknown", health.services().get(0).stateText().get(), "the other services are untouched");
    }

    @Test
    void anUnreachableClusterShowsEachServiceDownWithItsReason() throws Exception {
        TestContexts app = new TestContexts(home);
        HealthViewModel health = app.context.health();
        Session session = app.context.session();
        int port = closedPort();
        session.activate(profile(port, null));

        assertEquals(Session.Phase.CONNECTED, session.phaseProperty().get());
        assertTrue(health.canCheck().get());
        app.pulseUntil(Duration.ofSeconds(15), () -> health.services().stream().allMatch(s -> s.state() == ServiceHealth.State.DOWN));
        for (ServiceStatusModel service : health.services()) {
            String reason = service.summary().get();
            assertFalse(reason.isBlank(), service.name());
            assertTrue(service.tooltip().get().startsWith(service.name() + ": Down\n"), service.tooltip().get());
        }
        assertTrue(health.subtitle().get().contains("Broken"), health.subtitle().get());
        session.shutdown(() -> {});
        assertFalse(session.health().isWatching());
    }

    @Test
    void aMissingSecretFailsTheProfileWithAReadableProblem() {
        TestContexts app = new TestContexts(home);
        HealthViewModel health = app.context.health();
        SecretRef unset = SecretRef.env("TESSERA_TEST_SURELY_UNSET_" + System.nanoTime());

        app.context.session().activate(profile(closedPort(), unset));

        assertEquals(Session.Phase.FAILED, app.context.session().phaseProperty().get());
        assertTrue(health.problem().get().contains("Redis password not found"), health.problem().get());
        assertFalse(health.canCheck().get(), "nothing to check without a target");
        health.services().forEach(s -> assertEquals("Down", s.stateText().get()));
    }

    private static ConnectionProfile profile(int port, SecretRef redisPassword) {
        return new ConnectionProfile("Broken", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://127.0.0.1:" + port, null, null),
                new ZooKeeperSettings("127.0.0.1:" + port, "/tessera", null, null),
                new RedisSettings("redis://127.0.0.1:" + port, null, redisPassword, false));
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
