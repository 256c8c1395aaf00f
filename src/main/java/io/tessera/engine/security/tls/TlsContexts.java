package io.tessera.engine.security.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the {@link SSLContext} and {@link SSLParameters} of a connection from its {@link TlsConfig}. */
public final class TlsContexts {
    private TlsContexts() {}

    public static SSLContext context(TlsConfig config) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(config.trustFile() == null ? null : TlsStores.trustStore(config.trustFile(), config.trustPassword()));
            X509ExtendedTrustManager jdk = Arrays.stream(trust.getTrustManagers())
                    .filter(X509ExtendedTrustManager.class::isInstance).map(X509ExtendedTrustManager.class::cast).findFirst()
                    .orElseThrow(() -> new TlsSetupException("The JVM offers no X.509 trust manager"));
            KeyManager[] keys = null;
            if (config.hasClientCertificate()) {
                KeyStore store = TlsStores.keyStore(config.keyStore(), config.keyStorePassword());
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, TlsStores.keyPassword(config.keyStorePassword()));
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {new ExplainingTrustManager(jdk, config.trustDescription())}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("Cannot set up TLS with " + config + ": " + e.getMessage(), e);
        }
    }

    /** The server's name checked against its certificate (HTTPS rules: DNS and IP alternative names) unless the profile turned it off. */
    public static SSLParameters parameters(TlsConfig config) {
        SSLParameters parameters = new SSLParameters();
        if (config.verifyHostname()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return parameters;
    }
}
