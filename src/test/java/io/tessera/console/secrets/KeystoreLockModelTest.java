package io.tessera.console.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.KeystoreProtection.Kind;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock's state and tries on a real passphrase-protected keystore; background work on the calling thread. */
class KeystoreLockModelTest {
    private static final String PASSPHRASE = "lock model passphrase";

    @TempDir
    Path dir;

    @Test
    void countsWrongTriesZeroesWhatItWasGivenAndUnlocksWithTheRightPassphrase() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.p12"), dir.resolve("keystore.key"), Map.<String, String>of()::get);
        SecretRef password = secrets.put("pw".toCharArray());
        secrets.protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray());
        secrets.lock();
        ManualUiThread ui = new ManualUiThread();
        KeystoreLockModel lock = new KeystoreLockModel(secrets, BackgroundTasks.sameThread(ui));
        ConnectionProfile lab = new ConnectionProfile("Lab", ConnectionProfile.Kind.CLUSTER, new ConnectionProfile.HdfsSettings("hdfs://lab:8020", null, null),
                new ConnectionProfile.ZooKeeperSettings("lab:2181", "/tessera", null, null), new ConnectionProfile.RedisSettings("redis://lab:6379", null, password, false));

        lock.refresh(() -> { });
        ui.pulse();
        assertTrue(lock.locked().get());
        assertTrue(lock.blocks(lab));
        assertFalse(lock.blocks(ConnectionProfile.local()), "Local needs no keystore");

        lock.begin();
        AtomicInteger unlocked = new AtomicInteger();
        for (int left = KeystoreLockModel.TRIES - 1; left >= 1; left--) {
            char[] wrong = "not it at all".toCharArray();
            lock.unlock(wrong, unlocked::incrementAndGet);
            ui.pulse();
            assertEquals("Wrong passphrase. " + left + (left == 1 ? " try" : " tries") + " left.", lock.message().get());
            assertEquals("\0".repeat(wrong.length), new String(wrong), "the typed characters were zeroed");
            assertTrue(lock.triesLeft());
        }
        lock.unlock("still not it".toCharArray(), unlocked::incrementAndGet);
        ui.pulse();
        assertFalse(lock.triesLeft(), "the dialog closes now");
        assertEquals("Wrong passphrase.", lock.message().get());
        assertTrue(lock.locked().get());

        lock.begin();
        assertTrue(lock.triesLeft(), "Unlock opens a fresh dialog");
        lock.unlock(PASSPHRASE.toCharArray(), unlocked::incrementAndGet);
        ui.pulse();
        assertEquals(1, unlocked.get());
        assertFalse(lock.locked().get());
        assertFalse(lock.blocks(lab));
        assertFalse(lock.busy().get());
    }
}
