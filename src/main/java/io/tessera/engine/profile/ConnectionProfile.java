package io.tessera.engine.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A named set of connection settings for the three services. The built-in Local profile points at
 * the embedded cluster; cluster profiles are saved by the operator. Secrets appear only as
 * {@link SecretRef}s, so this record is safe to write to disk and to log.
 */
public record ConnectionProfile(String name, Kind kind, HdfsSettings hdfs, ZooKeeperSettings zooKeeper, RedisSettings redis, Limits limits,
                                boolean readOnly) {

    public static final String LOCAL_NAME = "Local";

    /** Absent (an older profile file): {@link Limits#DEFAULT}. */
    public ConnectionProfile {
        limits = limits == null ? Limits.DEFAULT : limits;
    }

    /** Writable (a profile file without {@code readOnly} reads as writable). */
    public ConnectionProfile(String name, Kind kind, HdfsSettings hdfs, ZooKeeperSettings zooKeeper, RedisSettings redis, Limits limits) {
        this(name, kind, hdfs, zooKeeper, redis, limits, false);
    }

    /** With the default limits, writable. */
    public ConnectionProfile(String name, Kind kind, HdfsSettings hdfs, ZooKeeperSettings zooKeeper, RedisSettings redis) {
        this(name, kind, hdfs, zooKeeper, redis, null, false);
    }

    public enum Kind { LOCAL, CLUSTER }

    /**
     * HDFS URI (hdfs://namenode:8020), optional Hadoop configuration folder, optional user to act as (simple
     * authentication), optional Kerberos sign-in (null: none; a profile file without it reads as none).
     */
    public record HdfsSettings(String uri, String confDir, String user, KerberosSettings kerberos) {
        /** Without Kerberos. */
        public HdfsSettings(String uri, String confDir, String user) {
            this(uri, confDir, user, null);
        }
    }

    /**
     * Connect string (host:port,...), chroot under which Tessera keeps its nodes, optional digest credentials, and
     * {@code tlsSettings}: absent, plain connections; present, TLS to the secure client ports the connect string names.
     */
    public record ZooKeeperSettings(String connectString, String chroot, String digestUser, SecretRef digestPassword, TlsSettings tlsSettings) {
        /** Without TLS (a profile file without {@code tlsSettings} reads so). */
        public ZooKeeperSettings(String connectString, String chroot, String digestUser, SecretRef digestPassword) {
            this(connectString, chroot, digestUser, digestPassword, null);
        }
    }

    /**
     * redis:// or rediss:// URI, optional ACL user and password, TLS on or off, and {@code tlsSettings}: which
     * certificates to trust and which client certificate to show (absent: the JVM's trust store, no client certificate).
     */
    public record RedisSettings(String uri, String user, SecretRef password, boolean tls, TlsSettings tlsSettings) {
        /** With the JVM's trust store and no client certificate (a profile file without {@code tlsSettings} reads so). */
        public RedisSettings(String uri, String user, SecretRef password, boolean tls) {
            this(uri, user, password, tls, null);
        }
    }

    /**
     * What workers of this cluster accept. {@code maxInputBytes}: an input file larger than this fails its image before
     * a byte is read (a worker holds each input whole in memory while it works on it). Checked by {@link ProfileValidator}.
     */
    public record Limits(long maxInputBytes) {
        public static final long MIB = 1024 * 1024;
        public static final long MIN_INPUT_BYTES = MIB;
        public static final long MAX_INPUT_BYTES = 1024 * MIB;
        public static final Limits DEFAULT = new Limits(128 * MIB);
    }

    public ConnectionProfile withLimits(Limits other) {
        return new ConnectionProfile(name, kind, hdfs, zooKeeper, redis, other, readOnly);
    }

    /**
     * Marked read-only (or not): every action service refuses writes through this profile, the console hides or disables
     * every write, and the CLI refuses its write commands; reading, browsing and watching stay as they are.
     */
    public ConnectionProfile withReadOnly(boolean on) {
        return new ConnectionProfile(name, kind, hdfs, zooKeeper, redis, limits, on);
    }

    public static ConnectionProfile local() {
        return new ConnectionProfile(LOCAL_NAME, Kind.LOCAL, null, null, null);
    }

    @JsonIgnore
    public boolean isLocal() {
        return kind == Kind.LOCAL;
    }
}
