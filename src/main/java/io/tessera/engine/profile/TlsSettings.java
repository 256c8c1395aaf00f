package io.tessera.engine.profile;

/**
 * A profile's TLS files for one service: a trust file (PEM CA certificates, or a PKCS#12/JKS trust store) and an
 * optional client key store for mutual TLS (PEM with certificate chain and private key, or PKCS#12/JKS). Their
 * passwords are {@link SecretRef}s, never the passwords. The server's name is checked against its certificate unless
 * {@code skipHostnameCheck} is set (an explicit opt-out; absent in a profile file means the check is on).
 */
public record TlsSettings(String trustFile, SecretRef trustPassword, String keyStore, SecretRef keyStorePassword, boolean skipHostnameCheck) {

    /** TLS with the JVM's trust store, no client certificate, names checked. */
    public static final TlsSettings DEFAULTS = new TlsSettings(null, null, null, null, false);

    public TlsSettings {
        trustFile = blankToNull(trustFile);
        keyStore = blankToNull(keyStore);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
