package io.tessera.engine.connect;

import io.tessera.engine.profile.KerberosSettings;
import io.tessera.engine.profile.SentinelUri;
import io.tessera.engine.security.tls.TlsConfig;
import java.net.URI;

/**
 * A profile resolved into concrete endpoints and secrets, ready to connect. Holds passwords in
 * memory only; {@link #toString()} never shows them. {@code readOnly}: the profile is marked read-only, and every
 * action service refuses writes through it. {@code hdfsKerberos}: how HDFS is signed in to with Kerberos, or null for
 * simple authentication (as {@code hdfsUser}, or the OS user). {@code redisTlsConfig}: the trust and key files of a TLS
 * Redis (null: the JVM's trust store, names checked); {@code zooKeeperTls}: null for plain ZooKeeper, else its TLS files.
 */
public record ConnectionTarget(String profileName,
                               String hdfsUri, String hdfsConfDir, String hdfsUser,
                               String zooKeeperConnect, String zooKeeperChroot, String zooKeeperDigestUser, char[] zooKeeperDigestPassword,
                               String redisUri, String redisUser, char[] redisPassword, boolean redisTls, boolean readOnly,
                               KerberosSettings hdfsKerberos, TlsConfig redisTlsConfig, TlsConfig zooKeeperTls) {

    /** Without Kerberos or TLS files. */
    public ConnectionTarget(String profileName, String hdfsUri, String hdfsConfDir, String hdfsUser,
                            String zooKeeperConnect, String zooKeeperChroot, String zooKeeperDigestUser, char[] zooKeeperDigestPassword,
                            String redisUri, String redisUser, char[] redisPassword, boolean redisTls, boolean readOnly) {
        this(profileName, hdfsUri, hdfsConfDir, hdfsUser, zooKeeperConnect, zooKeeperChroot, zooKeeperDigestUser, zooKeeperDigestPassword,
                redisUri, redisUser, redisPassword, redisTls, readOnly, null, null, null);
    }

    /** Without TLS files: the JVM's trust store for a TLS Redis, plain ZooKeeper. */
    public ConnectionTarget(String profileName, String hdfsUri, String hdfsConfDir, String hdfsUser,
                            String zooKeeperConnect, String zooKeeperChroot, String zooKeeperDigestUser, char[] zooKeeperDigestPassword,
                            String redisUri, String redisUser, char[] redisPassword, boolean redisTls, boolean readOnly,
                            KerberosSettings hdfsKerberos) {
        this(profileName, hdfsUri, hdfsConfDir, hdfsUser, zooKeeperConnect, zooKeeperChroot, zooKeeperDigestUser, zooKeeperDigestPassword,
                redisUri, redisUser, redisPassword, redisTls, readOnly, hdfsKerberos, null, null);
    }

    /** Without Kerberos. */
    public ConnectionTarget(String profileName, String hdfsUri, String hdfsConfDir, String hdfsUser,
                            String zooKeeperConnect, String zooKeeperChroot, String zooKeeperDigestUser, char[] zooKeeperDigestPassword,
                            String redisUri, String redisUser, char[] redisPassword, boolean redisTls, boolean readOnly,
                            TlsConfig redisTlsConfig, TlsConfig zooKeeperTls) {
        this(profileName, hdfsUri, hdfsConfDir, hdfsUser, zooKeeperConnect, zooKeeperChroot, zooKeeperDigestUser, zooKeeperDigestPassword,
                redisUri, redisUser, redisPassword, redisTls, readOnly, null, redisTlsConfig, zooKeeperTls);
    }

    /** A target whose profile allows writes. */
    public ConnectionTarget(String profileName, String hdfsUri, String hdfsConfDir, String hdfsUser,
                            String zooKeeperConnect, String zooKeeperChroot, String zooKeeperDigestUser, char[] zooKeeperDigestPassword,
                            String redisUri, String redisUser, char[] redisPassword, boolean redisTls) {
        this(profileName, hdfsUri, hdfsConfDir, hdfsUser, zooKeeperConnect, zooKeeperChroot, zooKeeperDigestUser, zooKeeperDigestPassword,
                redisUri, redisUser, redisPassword, redisTls, false);
    }

    /** The same endpoints, read-only or not. */
    public ConnectionTarget withReadOnly(boolean on) {
        return new ConnectionTarget(profileName, hdfsUri, hdfsConfDir, hdfsUser, zooKeeperConnect, zooKeeperChroot, zooKeeperDigestUser,
                zooKeeperDigestPassword, redisUri, redisUser, redisPassword, redisTls, on, hdfsKerberos, redisTlsConfig, zooKeeperTls);
    }

    /** The same endpoints with these TLS files (whether Redis uses TLS stays as it is; ZooKeeper does when {@code zooKeeper} is given). */
    public ConnectionTarget withTls(TlsConfig redis, TlsConfig zooKeeper) {
        return new ConnectionTarget(profileName, hdfsUri, hdfsConfDir, hdfsUser, zooKeeperConnect, zooKeeperChroot, zooKeeperDigestUser,
                zooKeeperDigestPassword, redisUri, redisUser, redisPassword, redisTls, readOnly, hdfsKerberos, redis, zooKeeper);
    }

    /** The TLS settings a Redis connection uses (the JVM's trust store when the profile names no files). */
    public TlsConfig redisTlsSettings() {
        return redisTlsConfig == null ? TlsConfig.SYSTEM_DEFAULTS : redisTlsConfig;
    }

    public boolean zooKeeperTlsOn() {
        return zooKeeperTls != null;
    }

    public String redisHost() {
        return URI.create(redisUri).getHost();
    }

    public int redisPort() {
        int port = URI.create(redisUri).getPort();
        return port > 0 ? port : 6379;
    }

    /** host:port of the one Redis server, or which primary through which Sentinels: for status lines. */
    public String redisDescription() {
        return SentinelUri.isSentinel(redisUri) ? SentinelUri.parse(redisUri).describe() : redisHost() + ":" + redisPort();
    }

    /** The same endpoints, signing in to HDFS with {@code kerberos} (null: simple authentication). */
    public ConnectionTarget withHdfsKerberos(KerberosSettings kerberos) {
        return new ConnectionTarget(profileName, hdfsUri, hdfsConfDir, hdfsUser, zooKeeperConnect, zooKeeperChroot, zooKeeperDigestUser,
                zooKeeperDigestPassword, redisUri, redisUser, redisPassword, redisTls, readOnly, kerberos, redisTlsConfig, zooKeeperTls);
    }

    public boolean hasZooKeeperCredentials() {
        return zooKeeperDigestUser != null && !zooKeeperDigestUser.isBlank() && zooKeeperDigestPassword != null;
    }

    /** The ZooKeeper namespace Curator works under: the chroot without its leading slash. */
    public String zooKeeperNamespace() {
        String chroot = zooKeeperChroot == null || zooKeeperChroot.isBlank() ? "/tessera" : zooKeeperChroot;
        return chroot.equals("/") ? null : chroot.substring(1);
    }

    @Override
    public String toString() {
        return "ConnectionTarget[" + profileName + ": hdfs=" + hdfsUri + ", zookeeper=" + zooKeeperConnect
                + (zooKeeperChroot == null ? "" : zooKeeperChroot) + (zooKeeperTls != null ? " (TLS)" : "") + ", redis=" + redisUri
                + (redisPassword != null ? " (password set)" : "") + (readOnly ? ", read-only" : "")
                + (hdfsKerberos != null ? ", kerberos " + hdfsKerberos.method() : "") + "]";
    }
}
