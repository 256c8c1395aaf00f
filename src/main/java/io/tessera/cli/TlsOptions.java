package io.tessera.cli;

import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import io.tessera.engine.profile.TlsSettings;
import picocli.CommandLine.Option;

/**
 * {@code tessera profile save}'s TLS options for Redis and ZooKeeper: trust file, client key store, their passwords
 * (typed at a prompt and kept in the keystore, or named by an environment variable) and the hostname check's opt-out.
 */
final class TlsOptions {
    @Option(names = "--redis-trust", paramLabel = "FILE", description = "Redis: CA certificates to trust (PEM), or a PKCS#12/JKS trust store. Default: the JVM's.")
    String redisTrust;

    @Option(names = "--redis-trust-password-env", paramLabel = "VARIABLE", description = "Redis: the trust store's password, from this environment variable (PKCS#12/JKS only).")
    String redisTrustPasswordEnv;

    @Option(names = "--redis-key-store", paramLabel = "FILE", description = "Redis: client certificate and key for mutual TLS: PEM (chain and key in one file) or PKCS#12/JKS.")
    String redisKeyStore;

    @Option(names = "--redis-key-store-password", interactive = true, arity = "0..1", description = "Redis: prompt for the key store's password (kept in the keystore).")
    char[] redisKeyStorePassword;

    @Option(names = "--redis-key-store-password-env", paramLabel = "VARIABLE", description = "Redis: the key store's password, from this environment variable.")
    String redisKeyStorePasswordEnv;

    @Option(names = "--redis-no-hostname-check", description = "Redis: accept a certificate that does not name the host (not recommended).")
    boolean redisNoHostnameCheck;

    @Option(names = "--zookeeper-tls", description = "Use TLS for ZooKeeper (give the secure client ports in --zookeeper).")
    boolean zooKeeperTls;

    @Option(names = "--zookeeper-trust", paramLabel = "FILE", description = "ZooKeeper: CA certificates to trust (PEM), or a PKCS#12/JKS trust store.")
    String zooKeeperTrust;

    @Option(names = "--zookeeper-trust-password-env", paramLabel = "VARIABLE", description = "ZooKeeper: the trust store's password, from this environment variable.")
    String zooKeeperTrustPasswordEnv;

    @Option(names = "--zookeeper-key-store", paramLabel = "FILE", description = "ZooKeeper: client certificate and key: PEM (chain and key in one file) or PKCS#12/JKS.")
    String zooKeeperKeyStore;

    @Option(names = "--zookeeper-key-store-password", interactive = true, arity = "0..1", description = "ZooKeeper: prompt for the key store's password.")
    char[] zooKeeperKeyStorePassword;

    @Option(names = "--zookeeper-key-store-password-env", paramLabel = "VARIABLE", description = "ZooKeeper: the key store's password, from this environment variable.")
    String zooKeeperKeyStorePasswordEnv;

    @Option(names = "--zookeeper-no-hostname-check", description = "ZooKeeper: accept a certificate that does not name the host (not recommended).")
    boolean zooKeeperNoHostnameCheck;

    /** Redis's TLS files, or null when none were given. */
    TlsSettings redis(SecretStore secrets) throws SecretStoreException {
        if (redisTrust == null && redisKeyStore == null && !redisNoHostnameCheck) {
            return null;
        }
        return new TlsSettings(redisTrust, ref(null, redisTrustPasswordEnv, secrets), redisKeyStore,
                ref(redisKeyStorePassword, redisKeyStorePasswordEnv, secrets), redisNoHostnameCheck);
    }

    /** ZooKeeper's TLS settings (TLS on with any of its options), or null for plain connections. */
    TlsSettings zooKeeper(SecretStore secrets) throws SecretStoreException {
        if (!zooKeeperTls && zooKeeperTrust == null && zooKeeperKeyStore == null) {
            return null;
        }
        return new TlsSettings(zooKeeperTrust, ref(null, zooKeeperTrustPasswordEnv, secrets), zooKeeperKeyStore,
                ref(zooKeeperKeyStorePassword, zooKeeperKeyStorePasswordEnv, secrets), zooKeeperNoHostnameCheck);
    }

    private static SecretRef ref(char[] typed, String variable, SecretStore secrets) throws SecretStoreException {
        if (variable != null) {
            return SecretRef.env(variable);
        }
        return typed == null || typed.length == 0 ? null : secrets.put(typed);
    }
}
