package io.tessera.engine.profile;

/** The passphrase (or key) given does not open the keystore. */
public final class WrongPassphraseException extends SecretStoreException {
    public WrongPassphraseException(String message, Throwable cause) {
        super(message, cause);
    }
}
