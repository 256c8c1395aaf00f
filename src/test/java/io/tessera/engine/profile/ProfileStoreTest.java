package io.tessera.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path dir;

    static ConnectionProfile cluster(String name, SecretRef redisPassword) {
        return new ConnectionProfile(name, ConnectionProfile.Kind.CLUSTER,
                new HdfsSettings("hdfs://nn.example:8020", null, "etl"),
                new ZooKeeperSettings("zk1:2181,zk2:2181", "/tessera", null, null),
                new RedisSettings("redis://cache.example:6379", "worker", redisPassword, false));
    }

    @Test
    void localComesFirstAndSavedProfilesRoundTripWithoutTheirSecrets() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.p12"), dir.resolve("key"), Map.<String, String>of()::get);
        SecretRef password = secrets.put("hunter2-redis".toCharArray());
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(cluster("prod", password), null);
        store.save(cluster("Alpha", null), null);

        List<ConnectionProfile> all = new ProfileStore(dir.resolve("profiles.json")).list();
        assertEquals(List.of("Local", "Alpha", "prod"), all.stream().map(ConnectionProfile::name).toList());
        assertEquals(cluster("prod", password), all.get(2));
        String file = Files.readString(dir.resolve("profiles.json"));
        assertFalse(file.contains("hunter2"), file);
        assertTrue(file.contains(password.value()), file);
    }

    @Test
    void theLargestInputSizeIsSavedAndAProfileFileWithoutItReadsWithTheDefault() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(cluster("big", null).withLimits(new ConnectionProfile.Limits(512 * ConnectionProfile.Limits.MIB)), null);
        assertEquals(512 * ConnectionProfile.Limits.MIB, new ProfileStore(dir.resolve("profiles.json")).find("big").orElseThrow().limits().maxInputBytes());

        Files.writeString(dir.resolve("profiles.json"), """
                [{"name":"old","kind":"CLUSTER","hdfs":{"uri":"hdfs://nn:8020"},"zooKeeper":{"connectString":"zk:2181","chroot":"/tessera"},
                  "redis":{"uri":"redis://r:6379","tls":false}}]""");
        assertEquals(ConnectionProfile.Limits.DEFAULT, store.find("old").orElseThrow().limits());
        assertEquals(ConnectionProfile.Limits.DEFAULT, ConnectionProfile.local().limits());
        assertThrows(IllegalArgumentException.class,
                () -> store.save(cluster("huge", null).withLimits(new ConnectionProfile.Limits(2048 * ConnectionProfile.Limits.MIB)), null));
    }

    @Test
    void savingUnderAnExistingNameOrRenamingReplaces() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(cluster("a", null), null);
        store.save(cluster("A", null), null);
        store.save(cluster("b", null), "A");
        assertEquals(List.of("Local", "b"), store.list().stream().map(ConnectionProfile::name).toList());
        assertTrue(store.delete("B"));
        assertFalse(store.delete("B"));
    }

    @Test
    void invalidProfilesAndTheLocalNameAreRefused() {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        assertThrows(IllegalArgumentException.class, () -> store.save(cluster("Local", null), null));
        assertThrows(IllegalArgumentException.class, () -> store.save(ConnectionProfile.local(), null));
        var bad = new ConnectionProfile("bad", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("http://nn", null, null),
                new ZooKeeperSettings("zk1", null, null, null), new RedisSettings("redis:/nohost", null, null, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.save(bad, null));
        assertTrue(e.getMessage().contains("HDFS URI"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("profiles.json")));
    }

    @Test
    void aCorruptProfileFileIsReportedWithItsPath() throws Exception {
        Files.writeString(dir.resolve("profiles.json"), "{not json");
        var e = assertThrows(java.io.IOException.class, () -> new ProfileStore(dir.resolve("profiles.json")).list());
        assertTrue(e.getMessage().contains("profiles.json"), e.getMessage());
    }
}
