package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.KeystoreProtection;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command asks for the keystore's passphrase once: every later step of it (resolving the profile again to write the
 * change's audit record) finds the store it unlocked, instead of a new, locked one that would ask again.
 */
class KeystoreUnlockTest {

    @Test
    void aStoreUnlockedOnceStaysUnlockedForTheRestOfTheCommand(@TempDir Path home) throws Exception {
        AppDirectories dirs = AppDirectories.under(home);
        SecretStore secrets = KeystoreUnlock.store(dirs);
        SecretRef password = secrets.put("redis-secret".toCharArray());
        secrets.protect(KeystoreProtection.Kind.PASSPHRASE, "correct horse battery".toCharArray());
        ConnectionProfile profile = new ConnectionProfile("lab", ConnectionProfile.Kind.CLUSTER,
                new ConnectionProfile.HdfsSettings("hdfs://127.0.0.1:1", null, null),
                new ConnectionProfile.ZooKeeperSettings("127.0.0.1:2", "/tessera", null, null),
                new ConnectionProfile.RedisSettings("redis://127.0.0.1:3", null, password, false));

        assertSame(secrets, KeystoreUnlock.store(dirs), "the same store all through the command");
        ConnectionTarget target = ProfileTargets.resolve(profile, dirs); // no terminal here: a locked store would end the command
        assertArrayEquals("redis-secret".toCharArray(), target.redisPassword());
    }
}
