package io.tessera.engine.kerberos;

import java.io.IOException;

/** A Kerberos sign-in that failed, with a message written for the operator (no cause: the library's text is in the log). */
public final class KerberosLoginException extends IOException {
    public KerberosLoginException(String message) {
        super(message);
    }
}
