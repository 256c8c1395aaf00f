package io.tessera.console.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesViewModelTest {
    @TempDir
    Path home;

    @Test
    void listsLocalFirstThenSavedProfilesAndDeletingOneRemovesItsSecretsAndReturnsToLocal() throws Exception {
        TestContexts app = new TestContexts(home);
        ProfilesViewModel profiles = app.context.profiles();
        SecretStore secrets = SecretStore.inDirectories(app.dirs);
        ProfileStore store = ProfileStore.inDirectories(app.dirs);
        SecretRef password = secrets.put("pw".toCharArray());
        ConnectionProfile lab = new ConnectionProfile("Lab", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://lab:8020", null, null),
                new ZooKeeperSettings("lab:2181", "/tessera", null, null), new RedisSettings("redis://lab:6379", null, password, false));
        store.save(lab, null);

        profiles.reload();
        assertEquals(List.of("Local", "Lab"), profiles.profiles().stream().map(ConnectionProfile::name).toList());
        assertTrue(profiles.activeIsLocal().get());

        profiles.activate(lab);
        assertEquals(lab, profiles.active().get());
        assertFalse(profiles.activeIsLocal().get());

        try (var held = app.lockLocalClusterFolder()) {  // going back to Local must not start a real cluster here
            profiles.deleteActive();
        }

        assertTrue(profiles.active().get().isLocal());
        assertEquals(List.of("Local"), profiles.profiles().stream().map(ConnectionProfile::name).toList());
        assertTrue(store.find("Lab").isEmpty());
        assertTrue(secrets.resolve(password).isEmpty(), "its password left the keystore");
        assertEquals(List.of(), app.errors);
    }

    @Test
    void afterASaveTheActiveProfileIsTheListsCopySoTheSwitcherCanShowIt() throws Exception {
        TestContexts app = new TestContexts(home);
        ProfilesViewModel profiles = app.context.profiles();
        ProfileStore store = ProfileStore.inDirectories(app.dirs);
        ConnectionProfile stored = new ConnectionProfile("Lab", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://lab:8020", null, null),
                new ZooKeeperSettings("lab:2181", "/tessera", null, null), new RedisSettings("redis://lab:6379", null, null, false));
        store.save(stored, null);
        // the editor's copy need not equal what the file reads back as (here it differs on purpose)
        ConnectionProfile editorsCopy = stored.withReadOnly(true);

        profiles.saved(editorsCopy);

        assertEquals(stored, profiles.active().get());
        assertTrue(profiles.profiles().contains(profiles.active().get()), "the switcher shows only what its list holds");
        assertEquals(List.of(), app.errors);
    }
}
