package io.tessera.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import io.tessera.testing.RecordingTrail;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding, changing and removing profiles: one record each, passwords recorded by name only. */
class ProfileActionsTest {
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void eachChangeIsRecordedOnceWithoutItsSecrets(@TempDir Path home) throws Exception {
        SecretStore secrets = new SecretStore(home.resolve("secrets.p12"), home.resolve("keystore.key"), name -> null);
        ProfileStore store = new ProfileStore(home.resolve("profiles.json"));
        RecordingTrail trail = new RecordingTrail();
        ProfileActions actions = new ProfileActions(store, secrets, trail);

        SecretRef redisPassword = secrets.put(PASSWORD.toCharArray());
        ConnectionProfile lab = new ConnectionProfile("Lab", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://nn:8020", null, null),
                new ZooKeeperSettings("zk:2181", "/tessera", "ops", SecretRef.env("ZK_PASSWORD")), new RedisSettings("redis://r:6379", null, redisPassword, false));
        actions.save(lab, null, List.of());
        AuditEvent added = trail.expectOne(AuditActions.PROFILE_ADD, List.of("Lab"), AuditResult.DONE);
        assertEquals("(set)", added.parameters().get("redis password"));
        assertEquals("(from $ZK_PASSWORD)", added.parameters().get("zookeeper password"));
        assertEquals("false", added.parameters().get("read-only"));

        ConnectionProfile viewer = lab.withReadOnly(true);
        actions.save(new ConnectionProfile("Lab viewer", viewer.kind(), viewer.hdfs(), viewer.zooKeeper(), viewer.redis(), viewer.limits(), true), "Lab", List.of());
        AuditEvent changed = trail.expectOne(AuditActions.PROFILE_CHANGE, List.of("Lab viewer", "Lab"), AuditResult.DONE);
        assertEquals(Map.entry("read-only", "true"), Map.entry("read-only", changed.parameters().get("read-only")));
        assertTrue(store.find("Lab viewer").orElseThrow().readOnly(), "the mark is saved");

        assertTrue(actions.remove(store.find("Lab viewer").orElseThrow()));
        trail.expectOne(AuditActions.PROFILE_REMOVE, List.of("Lab viewer"), AuditResult.DONE);
        assertTrue(secrets.resolve(redisPassword).isEmpty(), "its kept password went with it");

        assertThrows(IllegalArgumentException.class, () -> actions.remove(ConnectionProfile.local()));
        trail.expectOne(AuditActions.PROFILE_REMOVE, List.of(ConnectionProfile.LOCAL_NAME), AuditResult.FAILED);

        for (AuditEvent event : trail.events()) {
            assertFalse(event.toString().contains(PASSWORD), event.toString());
        }
    }
}
