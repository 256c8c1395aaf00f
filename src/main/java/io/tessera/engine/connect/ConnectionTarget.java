package io.tessera.engine.connect;

import io.tessera.engine.profile.KerberosSettings;
import io.tessera.engine.profile.SentinelUri;
import java.net.URI;

/**
 * A profile resolved into concrete endpoints and secrets, ready to connect. Holds passwords in
 * memory only; {@link #toString()} never shows them. {@code readOnly}: the profile is marked read-only, and every
 * action service refuses writes through it. {@code hdfsKerberos}: how HDFS is signed in to with Kerberos, or null for
 * simple authentication (as {@code hdfsUser}, or the OS user).
 */
public record ConnectionTarget(String profileName,
                               String hdfsUri, String hdfsConfDir, String hdfsUser,
                               String zooKeeperConnect, String zooKeeperChroot, String zooKeeperDigestUser, char[] zooKeeperDigestPassword,
                               String redisUri, String redisUser, char[] redisPassword, boolean redisTls, boolean readOnly,
                               KerberosSettings hdfsKerberos) {

    /** Without Kerberos. */
    public ConnectionTarget(String profileName, String hdfsUri, String hdfsConfDir, String hdfsUser,
                            String zooKeeperConnect, String zooKeeperChroot, String zooKeeperDigestUser, char[] zooKeeperDigestPassword,
                            String redisUri, String redisUser, char[] redisPassword, boolean redisTls, boolean readOnly) {
        this(profileName, hdfsUri, hdfsConfDir, hdfsUser, zooKeeperConnect, zooKeeperChroot, zooKeeperDigestUser, zooKeeperDigestPassword,
                redisUri, redisUser, redisPassword, redisTls, readOnly, null);
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
                zooKeeperDigestPassword, redisUri, redisUser, redisPassword, redisTls, on, hdfsKerberos);
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
                zooKeeperDigestPassword, redisUri, redisUser, redisPassword, redisTls, readOnly, kerberos);
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
                + (zooKeeperChroot == null ? "" : zooKeeperChroot) + ", redis=" + redisUri
                + (redisPassword != null ? " (password set)" : "") + (readOnly ? ", read-only" : "")
                + (hdfsKerberos != null ? ", kerberos " + hdfsKerberos.method() : "") + "]";
    }
}
