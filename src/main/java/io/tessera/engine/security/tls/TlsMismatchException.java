package io.tessera.engine.security.tls;

import java.io.IOException;

/**
 * What {@link TlsDiagnosis} found out after a failed connection: the server does not speak TLS, or speaks only TLS, or
 * wants a client certificate. The message is a whole sentence for the operator; the cause is the client's own error.
 */
public final class TlsMismatchException extends IOException {
    public TlsMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
