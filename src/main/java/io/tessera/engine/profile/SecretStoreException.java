package io.tessera.engine.profile;

/** A secret could not be stored or read; the message says which and where, never the secret. */
public class SecretStoreException extends Exception {
    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
