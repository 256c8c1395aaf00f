package io.tessera.engine.profile;

import io.tessera.engine.OwnerOnlyFiles;
import io.tessera.engine.profile.KeystoreProtection.Kind;
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
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Keeps passwords out of profile files: in an encrypted PKCS#12 keystore in the config folder, or in environment
 * variables. The keystore opens with one of three secrets ({@link KeystoreProtection}, recorded beside it): a random
 * key file readable only by its owner, kept apart from the keystore (in the data folder) so a copied config folder
 * alone reveals nothing; {@code TESSERA_KEYSTORE_PASSWORD}; or a passphrase, given once per process through
 * {@link #unlock} or read from a service manager's credential file ({@link PassphraseSources}).
 */
public final class SecretStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecretStore.class);
    public static final String KEYSTORE_PASSWORD_ENV = "TESSERA_KEYSTORE_PASSWORD";
    /** The shortest new passphrase accepted (the KDF slows guessing; only length makes it hopeless). */
    public static final int MIN_PASSPHRASE_LENGTH = 10;

    private final Path keyFile;
    private final Function<String, String> environment;
    private final KeystoreFiles files;
    private final PassphraseSources passphrases;
    // the keystore password derived from the passphrase, held while this process runs; zeroed by lock()
    private char[] unlocked;

    public SecretStore(Path keystoreFile, Path keyFile, Function<String, String> environment) {
        this.keyFile = keyFile;
        this.environment = environment;
        this.files = new KeystoreFiles(keystoreFile);
        this.passphrases = new PassphraseSources(environment);
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
        char[] password = storePassword();
        try {
            KeyStore store = load(password);
            SecretKey key = SecretKeyFactory.getInstance("PBE").generateSecret(new PBEKeySpec(asciiArmour(secret)));
            store.setEntry(ref.name(), new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            files.writeStore(bytes(store, password));
        } catch (GeneralSecurityException | IOException e) {
            throw new SecretStoreException("Cannot save the secret in " + files.store() + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
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
        char[] password = storePassword();
        try {
            KeyStore store = load(password);
            if (!store.containsAlias(ref.name())) {
                return Optional.empty();
            }
            SecretKey key = (SecretKey) store.getKey(ref.name(), password);
            PBEKeySpec spec = (PBEKeySpec) SecretKeyFactory.getInstance("PBE").getKeySpec(key, PBEKeySpec.class);
            return Optional.of(unarmour(spec.getPassword()));
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot read the secret " + ref + " from " + files.store() + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    public synchronized void remove(SecretRef ref) throws SecretStoreException {
        if (ref == null || ref.isEnvironment()) {
            return;
        }
        char[] password = storePassword();
        try {
            KeyStore store = load(password);
            if (store.containsAlias(ref.name())) {
                store.deleteEntry(ref.name());
                files.writeStore(bytes(store, password));
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new SecretStoreException("Cannot remove the secret " + ref + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** How the keystore is protected: as recorded, or for a store older than the record, as it has been opened. */
    public synchronized KeystoreProtection protection() throws SecretStoreException {
        try {
            files.recover();
            Optional<KeystoreProtection> recorded = files.protection();
            if (recorded.isPresent()) {
                return recorded.get();
            }
        } catch (IOException e) {
            throw new SecretStoreException("Cannot read how the keystore " + files.store() + " is protected: " + e.getMessage(), e);
        }
        return hasEnvironmentPassword() ? KeystoreProtection.environment() : KeystoreProtection.keyFile();
    }

    /** Whether connecting with the profile reads the keystore (a password kept there, not in the environment). */
    public static boolean needsKeystore(ConnectionProfile profile) {
        return !profile.isLocal() && (inKeystore(profile.zooKeeper().digestPassword()) || inKeystore(profile.redis().password()));
    }

    private static boolean inKeystore(SecretRef ref) {
        return ref != null && !ref.isEnvironment();
    }

    /** Opens the keystore as a connection would, so a locked store or a wrong passphrase shows before anything else. */
    public synchronized void check() throws SecretStoreException {
        char[] password = storePassword();
        try {
            load(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** True when secrets can be read only after {@link #unlock}: a passphrase store, not unlocked, no passphrase file. */
    public synchronized boolean needsPassphrase() throws SecretStoreException {
        return protection().kind() == Kind.PASSPHRASE && unlocked == null && passphrases.file().isEmpty();
    }

    /** Where this process would read the passphrase without asking, in words ("the systemd credential …"), if anywhere. */
    public Optional<String> passphraseSource() {
        return passphrases.describe();
    }

    /**
     * Opens a passphrase-protected keystore for the rest of this process (or until {@link #lock}). Slow on purpose
     * (the KDF): call it off any UI thread. The caller zeroes {@code passphrase}.
     */
    public synchronized void unlock(char[] passphrase) throws SecretStoreException {
        KeystoreProtection protection = protection();
        if (protection.kind() != Kind.PASSPHRASE) {
            return;
        }
        char[] derived = derive(passphrase, protection);
        try {
            load(derived, protection);
        } catch (SecretStoreException e) {
            Arrays.fill(derived, '\0');
            throw e;
        }
        lock();
        unlocked = derived;
    }

    /** Forgets the derived key: the next secret needs the passphrase again. */
    public synchronized void lock() {
        if (unlocked != null) {
            Arrays.fill(unlocked, '\0');
            unlocked = null;
        }
    }

    /**
     * Re-encrypts every entry under a new protection, atomically (see {@link KeystoreFiles}): a fresh random key file,
     * a passphrase (which the caller zeroes), or {@code TESSERA_KEYSTORE_PASSWORD}. The store must open as it is now.
     * Leaving the key file behind deletes it. Returns false when the store already has that protection (a key file or
     * the variable; a passphrase store may always take a new passphrase).
     */
    public synchronized boolean protect(Kind target, char[] passphrase) throws SecretStoreException {
        KeystoreProtection current = protection();
        if (target == current.kind() && target != Kind.PASSPHRASE) {
            return false;
        }
        if (target == Kind.PASSPHRASE && (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH)) {
            throw new SecretStoreException("A passphrase has at least " + MIN_PASSPHRASE_LENGTH + " characters.");
        }
        if (target == Kind.ENVIRONMENT && !hasEnvironmentPassword()) {
            throw new SecretStoreException(KEYSTORE_PASSWORD_ENV + " is not set: set it to protect the keystore with it.");
        }
        KeystoreProtection next = switch (target) {
            case KEY_FILE -> KeystoreProtection.keyFile();
            case ENVIRONMENT -> KeystoreProtection.environment();
            case PASSPHRASE -> KeystoreProtection.passphrase();
        };
        char[] oldPassword = storePassword();
        char[] newPassword = switch (target) {
            case KEY_FILE -> newRandomKey();
            case ENVIRONMENT -> environment.apply(KEYSTORE_PASSWORD_ENV).toCharArray();
            case PASSPHRASE -> derive(passphrase, next);
        };
        try {
            KeyStore old = load(oldPassword);
            KeyStore fresh = KeyStore.getInstance("PKCS12");
            fresh.load(null, null);
            for (String alias : Collections.list(old.aliases())) {
                fresh.setEntry(alias, new KeyStore.SecretKeyEntry((SecretKey) old.getKey(alias, oldPassword)),
                        new KeyStore.PasswordProtection(newPassword));
            }
            byte[] content = bytes(fresh, newPassword);
            if (target == Kind.KEY_FILE) {
                // the store as it is now does not open with the key file, so writing it before the commit risks nothing
                writeKeyFile(newPassword);
            }
            files.replace(content, next);
            if (current.kind() == Kind.KEY_FILE) {
                Files.deleteIfExists(keyFile);
            }
            lock();
            unlocked = target == Kind.PASSPHRASE ? newPassword.clone() : null;
            // a machine's keystore belongs to no cluster's audit trail: the log keeps the change (never a secret)
            LOG.info("The keystore {} ({} entries) is now protected by its {} (was: {})", files.store(), Collections.list(fresh.aliases()).size(),
                    target.label(), current.kind().label());
            return true;
        } catch (GeneralSecurityException | IOException e) {
            throw new SecretStoreException("The keystore " + files.store() + " was not re-encrypted (it is as it was): " + e.getMessage(), e);
        } finally {
            Arrays.fill(oldPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }

    public Path keystoreFile() {
        return files.store();
    }

    public Path keyFile() {
        return keyFile;
    }

    /** For tests: a rename that fails plays a crash in the middle of {@link #protect}. */
    void moveWith(KeystoreFiles.Mover mover) {
        files.moveWith(mover);
    }

    // PBE keys keep only the low byte of each char: store the UTF-8 bytes as Base64 so any password survives.
    private static char[] asciiArmour(char[] secret) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] utf8 = new byte[encoded.remaining()];
        encoded.get(utf8);
        byte[] base64 = Base64.getEncoder().encode(utf8);
        Arrays.fill(utf8, (byte) 0);
        return asciiChars(base64);
    }

    private static char[] unarmour(char[] armoured) {
        byte[] ascii = new byte[armoured.length];
        for (int i = 0; i < armoured.length; i++) {
            ascii[i] = (byte) armoured[i];
        }
        byte[] utf8 = Base64.getDecoder().decode(ascii);
        Arrays.fill(ascii, (byte) 0);
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] secret = new char[decoded.remaining()];
        decoded.get(secret);
        Arrays.fill(decoded.array(), '\0');
        Arrays.fill(utf8, (byte) 0);
        Arrays.fill(armoured, '\0');
        return secret;
    }

    /** The bytes as chars, zeroing the bytes. */
    private static char[] asciiChars(byte[] ascii) {
        char[] chars = new char[ascii.length];
        for (int i = 0; i < ascii.length; i++) {
            chars[i] = (char) ascii[i];
        }
        Arrays.fill(ascii, (byte) 0);
        return chars;
    }

    private KeyStore load(char[] password) throws SecretStoreException {
        return load(password, protection());
    }

    private KeyStore load(char[] password, KeystoreProtection protection) throws SecretStoreException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (files.storeExists()) {
                store.load(new ByteArrayInputStream(files.readStore()), password);
            } else {
                store.load(null, null);
            }
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new WrongPassphraseException(wrongSecret(protection), e);
            }
            throw new SecretStoreException("Cannot read the keystore " + files.store() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot read the keystore " + files.store() + ": " + e.getMessage(), e);
        }
    }

    private String wrongSecret(KeystoreProtection protection) {
        return switch (protection.kind()) {
            case PASSPHRASE -> "Wrong passphrase: it does not open the keystore " + files.store() + "."
                    + passphraseSource().map(source -> " (read from " + source + ")").orElse("");
            case ENVIRONMENT -> KEYSTORE_PASSWORD_ENV + " does not open the keystore " + files.store() + " (wrong " + KEYSTORE_PASSWORD_ENV + "?).";
            case KEY_FILE -> "The key file " + keyFile + " does not open the keystore " + files.store()
                    + (hasEnvironmentPassword() ? " (" + KEYSTORE_PASSWORD_ENV + " is set but this store uses its key file)." : " (was the key file replaced?).");
        };
    }

    private static byte[] bytes(KeyStore store, char[] password) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    private boolean hasEnvironmentPassword() {
        String value = environment.apply(KEYSTORE_PASSWORD_ENV);
        return value != null && !value.isEmpty();
    }

    /** The keystore's password under its protection: a copy the caller zeroes. A new store records its protection. */
    private char[] storePassword() throws SecretStoreException {
        KeystoreProtection protection = protection();
        try {
            if (!files.storeExists() && files.protection().isEmpty()) {
                files.writeProtection(protection);
            }
            return switch (protection.kind()) {
                case ENVIRONMENT -> {
                    if (!hasEnvironmentPassword()) {
                        throw new KeystoreLockedException("The keystore " + files.store() + " opens with " + KEYSTORE_PASSWORD_ENV + ", which is not set.");
                    }
                    yield environment.apply(KEYSTORE_PASSWORD_ENV).toCharArray();
                }
                case KEY_FILE -> readKeyFile();
                case PASSPHRASE -> passphrasePassword(protection);
            };
        } catch (IOException e) {
            throw new SecretStoreException("Cannot open the keystore " + files.store() + ": " + e.getMessage(), e);
        }
    }

    private char[] passphrasePassword(KeystoreProtection protection) throws SecretStoreException {
        if (unlocked == null) {
            Path file = passphrases.file().orElseThrow(() -> new KeystoreLockedException("The keystore " + files.store()
                    + " is protected by a passphrase and none was given (the console asks for it; a service names a passphrase file with "
                    + PassphraseSources.FILE_ENV + " or the systemd credential " + PassphraseSources.CREDENTIAL_NAME + ")."));
            char[] passphrase = passphrases.read(file);
            try {
                unlock(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        return unlocked.clone();
    }

    private static char[] derive(char[] passphrase, KeystoreProtection protection) throws SecretStoreException {
        if (passphrase == null || passphrase.length == 0) {
            throw new SecretStoreException("An empty passphrase protects nothing.");
        }
        try {
            return PassphraseKdf.derive(passphrase, protection);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot derive the keystore key: " + e.getMessage(), e);
        }
    }

    private char[] readKeyFile() throws IOException {
        if (!Files.exists(keyFile)) {
            writeKeyFile(newRandomKey());
        }
        byte[] content = Files.readAllBytes(keyFile);
        int end = content.length;
        while (end > 0 && Character.isWhitespace(content[end - 1])) {
            end--;
        }
        char[] key = asciiChars(Arrays.copyOf(content, end));
        Arrays.fill(content, (byte) 0);
        return key;
    }

    private static char[] newRandomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        byte[] encoded = Base64.getEncoder().encode(random);
        Arrays.fill(random, (byte) 0);
        return asciiChars(encoded);
    }

    private void writeKeyFile(char[] key) throws IOException {
        byte[] ascii = new byte[key.length];
        for (int i = 0; i < key.length; i++) {
            ascii[i] = (byte) key[i];
        }
        try {
            OwnerOnlyFiles.write(keyFile, ascii);
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }
}
