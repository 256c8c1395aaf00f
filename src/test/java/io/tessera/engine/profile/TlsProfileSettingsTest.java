package io.tessera.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's TLS files: saved with secret references only, an older profile file reads as before, the hostname check on unless opted out. */
class TlsProfileSettingsTest {
    @TempDir
    Path dir;

    @Test
    void tlsSettingsRoundTripWithTheirPasswordsAsReferences() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.p12"), dir.resolve("key"), Map.<String, String>of()::get);
        SecretRef keyPassword = secrets.put("p12-hunter2".toCharArray());
        TlsSettings redisTls = new TlsSettings("/etc/tessera/ca.pem", null, "/etc/tessera/client.p12", keyPassword, false);
        TlsSettings zkTls = new TlsSettings("/etc/tessera/zk-ca.pem", null, null, null, true);
        ConnectionProfile profile = new ConnectionProfile("secure", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://nn:8020", null, null),
                new ZooKeeperSettings("zk1:2281", "/tessera", null, null, zkTls),
                new RedisSettings("rediss://cache:6380", null, null, true, redisTls));
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(profile, null);

        assertEquals(profile, new ProfileStore(dir.resolve("profiles.json")).find("secure").orElseThrow());
        String file = Files.readString(dir.resolve("profiles.json"));
        assertFalse(file.contains("hunter2"), file);
        assertTrue(file.contains(keyPassword.value()), file);
    }

    @Test
    void anOlderProfileFileReadsWithoutTlsFilesAndTheHostnameCheckDefaultsOn() throws Exception {
        Files.writeString(dir.resolve("profiles.json"), """
                [{"name":"old","kind":"CLUSTER","hdfs":{"uri":"hdfs://nn:8020"},"zooKeeper":{"connectString":"zk:2181","chroot":"/tessera"},
                  "redis":{"uri":"rediss://r:6380","tls":true}},
                 {"name":"partial","kind":"CLUSTER","hdfs":{"uri":"hdfs://nn:8020"},"zooKeeper":{"connectString":"zk:2181","chroot":"/tessera"},
                  "redis":{"uri":"rediss://r:6380","tls":true,"tlsSettings":{"trustFile":"/ca.pem"}}}]""");
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        ConnectionProfile old = store.find("old").orElseThrow();
        assertNull(old.redis().tlsSettings());
        assertNull(old.zooKeeper().tlsSettings());
        TlsSettings partial = store.find("partial").orElseThrow().redis().tlsSettings();
        assertEquals("/ca.pem", partial.trustFile());
        assertFalse(partial.skipHostnameCheck(), "absent means the check is on");
    }

    @Test
    void aPasswordWithoutItsFileIsAProblem() {
        ConnectionProfile profile = new ConnectionProfile("p", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://nn:8020", null, null),
                new ZooKeeperSettings("zk1:2281", "/tessera", null, null, new TlsSettings(null, null, " ", SecretRef.env("ZK_KEY_PASSWORD"), false)),
                new RedisSettings("rediss://cache:6380", null, null, true));
        assertEquals(java.util.List.of("ZooKeeper TLS: a key store password without a client key store."), ProfileValidator.problems(profile));
    }
}
