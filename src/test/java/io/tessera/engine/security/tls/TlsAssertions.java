package io.tessera.engine.security.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ServiceHealth;

/** The one check of every TLS mismatch test: the service is down and its one line says why, in these words. */
public final class TlsAssertions {
    private TlsAssertions() {}

    public static void assertDown(ServiceHealth health, String... words) {
        assertEquals(ServiceHealth.State.DOWN, health.state(), health.summary());
        for (String word : words) {
            assertTrue(health.summary().contains(word), "'" + word + "' in: " + health.summary());
        }
    }
}
