package io.tessera.engine.security.tls;

import java.nio.file.Path;

/**
 * The TLS settings of one connection, resolved: where the trusted certificates and the client's key are, their
 * passwords (in memory only: {@link #toString()} never shows them), and whether the server's name is checked against
 * its certificate. A null trust file means the JVM's default trust store; a null key store, no client certificate.
 */
public record TlsConfig(Path trustFile, char[] trustPassword, Path keyStore, char[] keyStorePassword, boolean verifyHostname) {

    /** The JVM's trust store, no client certificate, names checked: what TLS without any files means. */
    public static final TlsConfig SYSTEM_DEFAULTS = new TlsConfig(null, null, null, null, true);

    public boolean hasClientCertificate() {
        return keyStore != null;
    }

    /** For messages: which certificates this connection trusts. */
    public String trustDescription() {
        return trustFile == null ? "the JVM's default trust store" : "the trust file " + trustFile;
    }

    @Override
    public String toString() {
        return "TlsConfig[trust=" + (trustFile == null ? "JVM default" : trustFile) + (keyStore == null ? "" : ", client key store=" + keyStore)
                + (verifyHostname ? "" : ", hostname check off") + "]";
    }
}
