package io.tessera.engine.security.tls;

import java.security.cert.CertificateException;

/**
 * The server's certificate was refused during the handshake: not signed by a trusted authority (the message names
 * the issuer) or not naming the host connected to (the message names the host and the certificate's names). Thrown by
 * {@link ExplainingTrustManager}; the message is a whole sentence for the operator.
 */
public final class UntrustedServerException extends CertificateException {
    public UntrustedServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
