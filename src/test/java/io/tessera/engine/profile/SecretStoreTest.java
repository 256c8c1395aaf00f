package io.tessera.engine.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
    @TempDir
    Path dir;

    private SecretStore store(Map<String, String> env) {
        return new SecretStore(dir.resolve("config/secrets.p12"), dir.resolve("data/keystore.key"), env::get);
    }

    @Test
    void aStoredSecretComesBackAndIsNotInTheKeystoreInPlainText() throws Exception {
        SecretStore store = store(Map.of());
        SecretRef ref = store.put("s3cret-Pässword".toCharArray());
        assertTrue(ref.value().startsWith("keystore:"));
        assertArrayEquals("s3cret-Pässword".toCharArray(), store(Map.of()).resolve(ref).orElseThrow());
        byte[] keystore = Files.readAllBytes(dir.resolve("config/secrets.p12"));
        assertFalse(new String(keystore, StandardCharsets.ISO_8859_1).contains("s3cret"), "keystore holds the secret in clear");
        assertFalse(new String(keystore, StandardCharsets.UTF_16BE).contains("s3cret"), "keystore holds the secret in clear");
    }

    @Test
    void keystoreAndKeyFileAreReadableByTheirOwnerOnly() throws Exception {
        store(Map.of()).put("x".toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config/secrets.p12"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/keystore.key"))));
    }

    @Test
    void environmentReferencesReadTheVariableAtResolveTime() throws Exception {
        SecretStore store = store(Map.of("REDIS_PW", "from-env"));
        assertArrayEquals("from-env".toCharArray(), store.resolve(SecretRef.env("REDIS_PW")).orElseThrow());
        assertEquals(Optional.empty(), store.resolve(SecretRef.env("UNSET_VARIABLE")));
    }

    @Test
    void replaceAndRemoveWork() throws Exception {
        SecretStore store = store(Map.of());
        SecretRef ref = store.put("one".toCharArray());
        store.replace(ref, "two".toCharArray());
        assertArrayEquals("two".toCharArray(), store.resolve(ref).orElseThrow());
        store.remove(ref);
        assertEquals(Optional.empty(), store.resolve(ref));
    }

    @Test
    void aKeystoreOpenedWithTheWrongPasswordGivesAReadableError() throws Exception {
        SecretRef ref = store(Map.of(SecretStore.KEYSTORE_PASSWORD_ENV, "right")).put("x".toCharArray());
        SecretStoreException e = assertThrows(SecretStoreException.class,
                () -> store(Map.of(SecretStore.KEYSTORE_PASSWORD_ENV, "wrong")).resolve(ref));
        assertTrue(e.getMessage().contains(SecretStore.KEYSTORE_PASSWORD_ENV), e.getMessage());
    }

    @Test
    void malformedReferencesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SecretRef.of("plaintext-password"));
        assertThrows(IllegalArgumentException.class, () -> SecretRef.of("env:"));
    }
}
