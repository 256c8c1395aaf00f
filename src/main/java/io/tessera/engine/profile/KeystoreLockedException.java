package io.tessera.engine.profile;

/** The keystore needs a passphrase nobody has given yet (the console asks; a worker needs a passphrase file). */
public final class KeystoreLockedException extends SecretStoreException {
    public KeystoreLockedException(String message) {
        super(message);
    }

    public KeystoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
