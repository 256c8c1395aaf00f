package io.tessera.engine.connect;

import io.tessera.engine.security.tls.TlsConfig;
import io.tessera.engine.security.tls.TlsStores;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * ZooKeeper's own client TLS settings for one connection, in a {@link ZKClientConfig} handed to Curator: never System
 * properties, which every ZooKeeper client of the JVM would share. ZooKeeper reads the files itself (PEM, PKCS#12, JKS).
 * A new {@code ZKClientConfig} starts with whatever {@code zookeeper.ssl.*} System properties the JVM has (an in-process
 * secure server sets some: ZooKeeper's server reads its TLS settings only from there), so every file setting is
 * cleared first and only the profile's are set.
 */
final class ZooKeeperTls {
    private static final String PREFIX = "zookeeper.ssl.";

    private static final String[] INHERITED = {"keyStore.location", "keyStore.password", "keyStore.passwordPath", "keyStore.type",
        "trustStore.location", "trustStore.password", "trustStore.passwordPath", "trustStore.type", "context.supplier.class",
        "authProvider"};

    private ZooKeeperTls() {}

    static ZKClientConfig clientConfig(TlsConfig tls) {
        ZKClientConfig config = new ZKClientConfig();
        for (String inherited : INHERITED) {
            if (config.getProperty(PREFIX + inherited) != null) {
                config.setProperty(PREFIX + inherited, null);
            }
        }
        config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
        config.setProperty(PREFIX + "hostnameVerification", Boolean.toString(tls.verifyHostname()));
        if (tls.trustFile() != null) {
            config.setProperty(PREFIX + "trustStore.location", tls.trustFile().toString());
            config.setProperty(PREFIX + "trustStore.type", TlsStores.format(tls.trustFile()).name());
            if (tls.trustPassword() != null) {
                config.setProperty(PREFIX + "trustStore.password", new String(tls.trustPassword()));
            }
        }
        if (tls.keyStore() != null) {
            config.setProperty(PREFIX + "keyStore.location", tls.keyStore().toString());
            config.setProperty(PREFIX + "keyStore.type", TlsStores.format(tls.keyStore()).name());
            if (tls.keyStorePassword() != null) {
                config.setProperty(PREFIX + "keyStore.password", new String(tls.keyStorePassword()));
            }
        }
        return config;
    }
}
