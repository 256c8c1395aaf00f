package io.tessera.engine.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a process that cannot ask (a worker run by a service manager) finds the keystore's passphrase: the file
 * named by {@code TESSERA_KEYSTORE_PASSPHRASE_FILE}, or the systemd credential {@code tessera-keystore-passphrase}
 * ({@code LoadCredential=} in the unit puts it in {@code $CREDENTIALS_DIRECTORY}, readable by the service alone).
 */
public final class PassphraseSources {
    public static final String FILE_ENV = "TESSERA_KEYSTORE_PASSPHRASE_FILE";
    public static final String CREDENTIALS_ENV = "CREDENTIALS_DIRECTORY";
    public static final String CREDENTIAL_NAME = "tessera-keystore-passphrase";

    private final Function<String, String> environment;

    PassphraseSources(Function<String, String> environment) {
        this.environment = environment;
    }

    /** The file a passphrase would be read from, if the environment names one. */
    public Optional<Path> file() {
        String named = environment.apply(FILE_ENV);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named));
        }
        String credentials = environment.apply(CREDENTIALS_ENV);
        if (credentials != null && !credentials.isBlank() && Files.isRegularFile(Path.of(credentials, CREDENTIAL_NAME))) {
            return Optional.of(Path.of(credentials, CREDENTIAL_NAME));
        }
        return Optional.empty();
    }

    /** What {@link #file()} names, in words for messages and `tessera secrets status`. */
    public Optional<String> describe() {
        return file().map(f -> (environment.apply(FILE_ENV) != null && !environment.apply(FILE_ENV).isBlank()
                ? FILE_ENV + " (" + f + ")" : "the systemd credential " + CREDENTIAL_NAME));
    }

    /** The passphrase in that file without its line end; the caller zeroes it. An unreadable file leaves the store locked. */
    char[] read(Path file) throws SecretStoreException {
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                end--;
            }
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
            char[] passphrase = new char[decoded.remaining()];
            decoded.get(passphrase);
            Arrays.fill(decoded.array(), '\0');
            if (passphrase.length == 0) {
                throw new KeystoreLockedException("The keystore passphrase file " + file + " is empty.");
            }
            return passphrase;
        } catch (IOException e) {
            throw new KeystoreLockedException("Cannot read the keystore passphrase from " + file + " (" + e.getClass().getSimpleName() + "): the keystore stays locked.", e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }
}
