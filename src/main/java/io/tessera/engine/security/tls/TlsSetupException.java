package io.tessera.engine.security.tls;

/** A trust file or key store that cannot be used (missing, wrong password, no key in it): the message says which and why. */
public final class TlsSetupException extends RuntimeException {
    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    public TlsSetupException(String message) {
        super(message);
    }
}
