package io.tessera.engine.connect;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.cluster.ClusterEndpoints;
import io.tessera.engine.cluster.EmbeddedCluster;
import io.tessera.engine.cluster.LocalCertificates;
import io.tessera.engine.json.Json;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SentinelUri;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import io.tessera.engine.profile.TlsSettings;
import io.tessera.engine.security.tls.TlsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a profile into a {@link ConnectionTarget}: endpoints of the running local cluster, or saved settings plus secrets. */
public final class ProfileResolver {
    private final Path localClusterDir;
    private final SecretStore secrets;

    public ProfileResolver(Path localClusterDir, SecretStore secrets) {
        this.localClusterDir = localClusterDir;
        this.secrets = secrets;
    }

    public static ProfileResolver inDirectories(AppDirectories dirs) {
        return new ProfileResolver(dirs.localCluster(), SecretStore.inDirectories(dirs));
    }

    public ConnectionTarget resolve(ConnectionProfile profile) throws ConnectException {
        return profile.isLocal() ? resolveLocal() : resolveCluster(profile);
    }

    private ConnectionTarget resolveLocal() throws ConnectException {
        Path file = EmbeddedCluster.endpointsFile(localClusterDir);
        ClusterEndpoints endpoints;
        try {
            endpoints = Json.mapper().readValue(file.toFile(), ClusterEndpoints.class);
        } catch (IOException e) {
            throw new ConnectException("The local cluster is not running (no " + file + "); start it with `tessera local` or the console.");
        }
        if (!ProcessHandle.of(endpoints.ownerPid()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new ConnectException("The local cluster is not running (its process " + endpoints.ownerPid() + " has ended).");
        }
        return local(endpoints, localClusterDir);
    }

    /** For a local cluster started in this process, without reading its endpoints file back. */
    public static ConnectionTarget forEmbedded(EmbeddedCluster cluster) throws ConnectException {
        return local(cluster.endpoints(), cluster.dataDir());
    }

    /** A secured local cluster's connections show its client certificate and trust its CA only. */
    private static ConnectionTarget local(ClusterEndpoints endpoints, Path dataDir) throws ConnectException {
        Path redisPasswordFile = EmbeddedCluster.redisPasswordFile(dataDir);
        char[] redisPassword;
        try {
            redisPassword = Files.readString(redisPasswordFile).strip().toCharArray();
        } catch (IOException e) {
            throw new ConnectException("Cannot read the local Redis password in " + redisPasswordFile + ": " + e.getMessage());
        }
        TlsConfig tls = endpoints.secure() ? new LocalCertificates(LocalCertificates.dirIn(dataDir)).clientConfig() : null;
        return new ConnectionTarget(ConnectionProfile.LOCAL_NAME, endpoints.hdfsUri(), null, null,
                endpoints.zooKeeperConnect(), "/tessera", null, null, endpoints.redisUri(), null, redisPassword, tls != null, false, tls, tls);
    }

    private ConnectionTarget resolveCluster(ConnectionProfile profile) throws ConnectException {
        ConnectionTarget target = withPasswords(profile, secret(profile.zooKeeper().digestPassword(), "ZooKeeper password"),
                secret(profile.redis().password(), "Redis password"));
        return target.withTls(tls(profile.redis().tlsSettings(), "Redis"), tls(profile.zooKeeper().tlsSettings(), "ZooKeeper"));
    }

    /** A profile's TLS files with their passwords from the keystore or the environment; null for none. */
    private TlsConfig tls(TlsSettings settings, String service) throws ConnectException {
        return settings == null ? null : tlsConfig(settings, secret(settings.trustPassword(), service + " trust file password"),
                secret(settings.keyStorePassword(), service + " key store password"));
    }

    /** A profile's TLS files with passwords given directly. */
    public static TlsConfig tlsConfig(TlsSettings settings, char[] trustPassword, char[] keyStorePassword) {
        return new TlsConfig(settings.trustFile() == null ? null : Path.of(settings.trustFile()), trustPassword,
                settings.keyStore() == null ? null : Path.of(settings.keyStore()), keyStorePassword, !settings.skipHostnameCheck());
    }

    /** A cluster profile with passwords given directly (TLS files without passwords): for testing a profile before its secrets are saved. */
    public static ConnectionTarget withPasswords(ConnectionProfile profile, char[] zooKeeperPassword, char[] redisPassword) {
        var hdfs = profile.hdfs();
        var zk = profile.zooKeeper();
        String redisUri = profile.redis().uri().strip();
        boolean tls = profile.redis().tls() || redisUri.startsWith("rediss://") || redisUri.startsWith(SentinelUri.TLS_SCHEME + "://");
        return new ConnectionTarget(profile.name(), hdfs.uri().strip(), hdfs.confDir(), hdfs.user(),
                zk.connectString().strip(), zk.chroot(), zk.digestUser(), zooKeeperPassword,
                redisUri, profile.redis().user(), redisPassword, tls, profile.readOnly(), hdfs.kerberos(),
                profile.redis().tlsSettings() == null ? null : tlsConfig(profile.redis().tlsSettings(), null, null),
                zk.tlsSettings() == null ? null : tlsConfig(zk.tlsSettings(), null, null));
    }

    private char[] secret(SecretRef ref, String what) throws ConnectException {
        if (ref == null) {
            return null;
        }
        try {
            return secrets.resolve(ref).orElseThrow(() -> new ConnectException(what + " not found: "
                    + (ref.isEnvironment() ? "the environment variable " + ref.name() + " is not set." : "no keystore entry " + ref.name() + ".")));
        } catch (SecretStoreException e) {
            throw new ConnectException(what + ": " + e.getMessage());
        }
    }
}
