package io.tessera.engine.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.engine.OwnerOnlyFiles;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Which secret opens the keystore, kept beside it in a small file that holds nothing secret (the kind, and for a
 * passphrase the KDF's salt and iteration count), so the console knows whether to ask before it needs a secret.
 */
public record KeystoreProtection(@JsonProperty("protection") Kind kind, @JsonProperty("kdf") String kdf,
        @JsonProperty("iterations") int iterations, @JsonProperty("salt") String salt) {

    public enum Kind {
        /** A random key in a separate owner-only file (the default). */
        KEY_FILE("key file"),
        /** A passphrase the operator types at start (or a service manager's credential file holds). */
        PASSPHRASE("passphrase"),
        /** The variable {@code TESSERA_KEYSTORE_PASSWORD}. */
        ENVIRONMENT("environment variable " + SecretStore.KEYSTORE_PASSWORD_ENV);

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static KeystoreProtection keyFile() {
        return new KeystoreProtection(Kind.KEY_FILE, null, 0, null);
    }

    public static KeystoreProtection environment() {
        return new KeystoreProtection(Kind.ENVIRONMENT, null, 0, null);
    }

    /** A passphrase protection with a fresh random salt. */
    public static KeystoreProtection passphrase() {
        return new KeystoreProtection(Kind.PASSPHRASE, PassphraseKdf.ALGORITHM, PassphraseKdf.ITERATIONS,
                Base64.getEncoder().encodeToString(PassphraseKdf.newSalt()));
    }

    @JsonIgnore
    public byte[] saltBytes() {
        return Base64.getDecoder().decode(salt);
    }

    /** The file beside a keystore that says how it is protected. */
    static Path fileFor(Path keystoreFile) {
        String name = keystoreFile.getFileName().toString();
        return keystoreFile.resolveSibling(name.replaceFirst("\\.p12$", "") + "-protection.json");
    }

    static KeystoreProtection read(Path file) throws IOException {
        KeystoreProtection read = Json.mapper().readValue(file.toFile(), KeystoreProtection.class);
        if (read.kind() == null || read.kind() == Kind.PASSPHRASE && (read.salt() == null || read.iterations() < 1)) {
            throw new IOException(file + " does not say how the keystore is protected");
        }
        return read;
    }

    void write(Path file) throws IOException {
        OwnerOnlyFiles.write(file, Json.mapper().writeValueAsBytes(this));
    }
}
