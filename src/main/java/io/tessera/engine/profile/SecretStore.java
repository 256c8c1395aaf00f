package io.tessera.engine.profile;

import io.tessera.engine.OwnerOnlyFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Keeps passwords out of profile files: in an encrypted PKCS#12 keystore in the config folder,
 * or in environment variables. The keystore's own password comes from {@code TESSERA_KEYSTORE_PASSWORD}
 * when set, otherwise from a random key file readable only by its owner, kept apart from the keystore
 * (in the data folder), so a copied config folder alone reveals nothing.
 */
public final class SecretStore {
    public static final String KEYSTORE_PASSWORD_ENV = "TESSERA_KEYSTORE_PASSWORD";

    private final Path keystoreFile;
    private final Path keyFile;
    private final Function<String, String> environment;

    public SecretStore(Path keystoreFile, Path keyFile, Function<String, String> environment) {
        this.keystoreFile = keystoreFile;
        this.keyFile = keyFile;
        this.environment = environment;
    }

    public static SecretStore inDirectories(io.tessera.engine.AppDirectories dirs) {
        return new SecretStore(dirs.config().resolve("secrets.p12"), dirs.data().resolve("keystore.key"), System::getenv);
    }

    /** Stores a secret under a new keystore id and returns the reference to save in a profile. */
    public synchronized SecretRef put(char[] secret) throws SecretStoreException {
        SecretRef ref = SecretRef.keystore(UUID.randomUUID().toString());
        replace(ref, secret);
        return ref;
    }

    /** Replaces the secret behind an existing keystore reference. */
    public synchronized void replace(SecretRef ref, char[] secret) throws SecretStoreException {
        if (ref.isEnvironment()) {
            throw new SecretStoreException("The secret " + ref + " comes from the environment; set that variable instead.");
        }
        try {
            KeyStore store = load();
            SecretKey key = SecretKeyFactory.getInstance("PBE").generateSecret(new PBEKeySpec(asciiArmour(secret)));
            store.setEntry(ref.name(), new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(storePassword()));
            save(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new SecretStoreException("Cannot save the secret in " + keystoreFile + ": " + e.getMessage(), e);
        }
    }

    /** The secret, or empty when the reference names nothing (unset variable, deleted entry). */
    public synchronized Optional<char[]> resolve(SecretRef ref) throws SecretStoreException {
        if (ref == null) {
            return Optional.empty();
        }
        if (ref.isEnvironment()) {
            return Optional.ofNullable(environment.apply(ref.name())).map(String::toCharArray);
        }
        try {
            KeyStore store = load();
            if (!store.containsAlias(ref.name())) {
                return Optional.empty();
            }
            SecretKey key = (SecretKey) store.getKey(ref.name(), storePassword());
            PBEKeySpec spec = (PBEKeySpec) SecretKeyFactory.getInstance("PBE").getKeySpec(key, PBEKeySpec.class);
            return Optional.of(unarmour(spec.getPassword()));
        } catch (GeneralSecurityException | IOException e) {
            throw new SecretStoreException("Cannot read the secret " + ref + " from " + keystoreFile
                    + " (wrong " + KEYSTORE_PASSWORD_ENV + ", or the key file changed?)", e);
        }
    }

    public synchronized void remove(SecretRef ref) throws SecretStoreException {
        if (ref == null || ref.isEnvironment()) {
            return;
        }
        try {
            KeyStore store = load();
            if (store.containsAlias(ref.name())) {
                store.deleteEntry(ref.name());
                save(store);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new SecretStoreException("Cannot remove the secret " + ref + ": " + e.getMessage(), e);
        }
    }

    // PBE keys keep only the low byte of each char: store the UTF-8 bytes as Base64 so any password survives.
    private static char[] asciiArmour(char[] secret) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] utf8 = new byte[encoded.remaining()];
        encoded.get(utf8);
        return Base64.getEncoder().encodeToString(utf8).toCharArray();
    }

    private static char[] unarmour(char[] armoured) {
        return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(Base64.getDecoder().decode(new String(armoured)))).toString().toCharArray();
    }

    private KeyStore load() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (Files.exists(keystoreFile)) {
            store.load(new ByteArrayInputStream(Files.readAllBytes(keystoreFile)), storePassword());
        } else {
            store.load(null, null);
        }
        return store;
    }

    private void save(KeyStore store) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, storePassword());
        OwnerOnlyFiles.write(keystoreFile, out.toByteArray());
    }

    private char[] storePassword() throws IOException {
        String fromEnv = environment.apply(KEYSTORE_PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (!Files.exists(keyFile)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            OwnerOnlyFiles.write(keyFile, Base64.getEncoder().encodeToString(random).getBytes(StandardCharsets.US_ASCII));
        }
        return Files.readString(keyFile, StandardCharsets.US_ASCII).strip().toCharArray();
    }
}
