package io.tessera.engine.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.profile.KeystoreProtection.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keystore protected by a passphrase, switched between protections, and crashes in the middle of a switch; real files. */
class SecretStoreProtectionTest {
    private static final String PASSPHRASE = "correct horse battery stäple";

    @TempDir
    Path dir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<SecretRef, String> saved = new LinkedHashMap<>();

    private SecretStore store() {
        return new SecretStore(dir.resolve("config/secrets.p12"), dir.resolve("data/keystore.key"), env::get);
    }

    @BeforeEach
    void threeSecretsUnderAKeyFile() throws Exception {
        SecretStore store = store();
        for (String secret : new String[] {"redis-pässword", "zk digest", "ψ-third"}) {
            saved.put(store.put(secret.toCharArray()), secret);
        }
        assertEquals(Kind.KEY_FILE, store().protection().kind(), "a new store records its key file");
    }

    private void assertEverySecret(SecretStore store) throws SecretStoreException {
        for (Map.Entry<SecretRef, String> entry : saved.entrySet()) {
            assertArrayEquals(entry.getValue().toCharArray(), store.resolve(entry.getKey()).orElseThrow(), entry.getKey().toString());
        }
    }

    private String protectionFile() throws IOException {
        return Files.readString(dir.resolve("config/secrets-protection.json"));
    }

    @Test
    void aPassphraseStoreOpensOnlyAfterUnlockAndKeepsNothingInClear() throws Exception {
        assertTrue(store().protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray()));

        SecretStore fresh = store();
        assertTrue(fresh.needsPassphrase());
        SecretRef any = saved.keySet().iterator().next();
        KeystoreLockedException locked = assertThrows(KeystoreLockedException.class, () -> fresh.resolve(any));
        assertTrue(locked.getMessage().contains("protected by a passphrase") && locked.getMessage().contains(PassphraseSources.FILE_ENV), locked.getMessage());

        fresh.unlock(PASSPHRASE.toCharArray());
        assertFalse(fresh.needsPassphrase());
        assertEverySecret(fresh);
        SecretRef added = fresh.put("added after unlock".toCharArray());
        assertArrayEquals("added after unlock".toCharArray(), fresh.resolve(added).orElseThrow());

        assertFalse(Files.exists(dir.resolve("data/keystore.key")), "the key file is of no use any more and is gone");
        String record = protectionFile();
        assertTrue(record.contains("PASSPHRASE") && record.contains("PBKDF2WithHmacSHA256") && record.contains("600000"), record);
        assertFalse(record.contains("horse"), record);
        String keystore = new String(Files.readAllBytes(dir.resolve("config/secrets.p12")), StandardCharsets.ISO_8859_1);
        assertFalse(keystore.contains("horse") || keystore.contains("zk digest"), "nothing in clear in the keystore");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config/secrets.p12"))));

        fresh.lock();
        assertThrows(KeystoreLockedException.class, () -> fresh.resolve(any));
    }

    @Test
    void aWrongPassphraseIsRefusedWithAClearMessageAndTheStoreStaysLocked() throws Exception {
        store().protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray());
        SecretStore fresh = store();
        WrongPassphraseException wrong = assertThrows(WrongPassphraseException.class, () -> fresh.unlock("correct horse".toCharArray()));
        assertEquals("Wrong passphrase: it does not open the keystore " + dir.resolve("config/secrets.p12") + ".", wrong.getMessage());
        assertTrue(fresh.needsPassphrase());
        assertThrows(SecretStoreException.class, () -> fresh.unlock(new char[0]));
        SecretStoreException tooShort = assertThrows(SecretStoreException.class, () -> store().protect(Kind.PASSPHRASE, "short".toCharArray()));
        assertEquals("A passphrase has at least 10 characters.", tooShort.getMessage());
        fresh.unlock(PASSPHRASE.toCharArray());
        assertEverySecret(fresh);
    }

    @Test
    void switchingKeyFileToPassphraseToKeyFileToVariableKeepsEverySecret() throws Exception {
        SecretStore store = store();
        store.protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray());
        SecretStore second = store();
        second.unlock(PASSPHRASE.toCharArray());
        assertTrue(second.protect(Kind.PASSPHRASE, "a new passphrase".toCharArray()), "a passphrase can be changed");
        SecretStore third = store();
        assertThrows(WrongPassphraseException.class, () -> third.unlock(PASSPHRASE.toCharArray()));
        third.unlock("a new passphrase".toCharArray());
        assertEverySecret(third);

        assertTrue(third.protect(Kind.KEY_FILE, null));
        assertTrue(Files.exists(dir.resolve("data/keystore.key")));
        assertFalse(store().needsPassphrase());
        assertEverySecret(store());
        assertFalse(store().protect(Kind.KEY_FILE, null), "already a key file");

        env.put(SecretStore.KEYSTORE_PASSWORD_ENV, "from the service manager");
        assertTrue(store().protect(Kind.ENVIRONMENT, null));
        assertEquals(Kind.ENVIRONMENT, store().protection().kind());
        assertEverySecret(store());
        env.remove(SecretStore.KEYSTORE_PASSWORD_ENV);
        KeystoreLockedException unset = assertThrows(KeystoreLockedException.class, () -> store().resolve(saved.keySet().iterator().next()));
        assertTrue(unset.getMessage().contains(SecretStore.KEYSTORE_PASSWORD_ENV + ", which is not set"), unset.getMessage());
    }

    @Test
    void aCrashBeforeTheKeystoreIsRenamedLosesNothing() throws Exception {
        SecretStore store = store();
        store.moveWith((from, to) -> {
            throw new IOException("power cut");
        });
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray()));
        assertTrue(e.getMessage().contains("it is as it was"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("config/secrets.p12.new")), "the crash left the new keystore beside the old one");

        SecretStore after = store();
        assertEquals(Kind.KEY_FILE, after.protection().kind());
        assertFalse(Files.exists(dir.resolve("config/secrets.p12.new")), "the next open forgot the uncommitted switch");
        assertFalse(Files.exists(dir.resolve("config/secrets-protection.json.new")));
        assertEverySecret(after);
    }

    @Test
    void aCrashBetweenTheTwoRenamesLosesNothing() throws Exception {
        SecretStore store = store();
        AtomicInteger moves = new AtomicInteger();
        store.moveWith((from, to) -> {
            if (moves.incrementAndGet() == 2) {
                throw new IOException("power cut");
            }
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        });
        assertThrows(SecretStoreException.class, () -> store.protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray()));
        assertTrue(Files.exists(dir.resolve("config/secrets-protection.json.new")));

        SecretStore after = store();
        assertEquals(Kind.PASSPHRASE, after.protection().kind(), "the renamed keystore is passphrase-protected: its record follows");
        assertFalse(Files.exists(dir.resolve("config/secrets-protection.json.new")));
        after.unlock(PASSPHRASE.toCharArray());
        assertEverySecret(after);
    }

    @Test
    void aWorkerReadsThePassphraseFromTheNamedFileOrTheSystemdCredential() throws Exception {
        store().protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray());
        Path credentials = Files.createDirectories(dir.resolve("run/credentials/tessera-worker.service"));
        Files.writeString(credentials.resolve(PassphraseSources.CREDENTIAL_NAME), PASSPHRASE + "\n");
        env.put(PassphraseSources.CREDENTIALS_ENV, credentials.toString());
        SecretStore worker = store();
        assertFalse(worker.needsPassphrase());
        assertEquals("the systemd credential tessera-keystore-passphrase", worker.passphraseSource().orElseThrow());
        assertEverySecret(worker);

        env.put(PassphraseSources.FILE_ENV, dir.resolve("no-such-file").toString());
        KeystoreLockedException missing = assertThrows(KeystoreLockedException.class, () -> store().resolve(saved.keySet().iterator().next()));
        assertEquals("Cannot read the keystore passphrase from " + dir.resolve("no-such-file") + " (NoSuchFileException): the keystore stays locked.",
                missing.getMessage());

        Path wrongFile = dir.resolve("wrong-passphrase");
        Files.writeString(wrongFile, "not it");
        env.put(PassphraseSources.FILE_ENV, wrongFile.toString());
        WrongPassphraseException wrong = assertThrows(WrongPassphraseException.class, () -> store().resolve(saved.keySet().iterator().next()));
        assertTrue(wrong.getMessage().contains("Wrong passphrase") && wrong.getMessage().contains(PassphraseSources.FILE_ENV + " (" + wrongFile + ")"),
                wrong.getMessage());
    }

    @Test
    void oneUnlockIsTimedAndOpensEverySecret() throws Exception {
        store().protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray());
        SecretStore fresh = store();
        long start = System.nanoTime();
        fresh.unlock(PASSPHRASE.toCharArray());
        long millis = (System.nanoTime() - start) / 1_000_000;
        // printed for the docs (the KDF's cost on this machine); no assertion on time
        System.out.println("unlock with " + PassphraseKdf.ITERATIONS + " PBKDF2 iterations: " + millis + " ms");
        assertEverySecret(fresh);
    }
}
