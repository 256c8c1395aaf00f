package io.tessera.engine.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a cluster profile's fields before anything tries to connect; each problem is one readable line. */
public final class ProfileValidator {
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._\\-]{1,64}");

    private ProfileValidator() {}

    public static List<String> problems(ConnectionProfile profile) {
        List<String> problems = new ArrayList<>();
        if (profile.name() == null || !NAME.matcher(profile.name()).matches()) {
            problems.add("Name: 1-64 letters, digits, spaces, dots, dashes or underscores.");
        } else if (profile.kind() == ConnectionProfile.Kind.CLUSTER && profile.name().equalsIgnoreCase(ConnectionProfile.LOCAL_NAME)) {
            problems.add("Name: 'Local' is the built-in profile of the embedded cluster.");
        }
        checkLimits(profile.limits(), problems);
        if (profile.isLocal()) {
            return problems;
        }
        checkHdfs(profile.hdfs(), problems);
        checkZooKeeper(profile.zooKeeper(), problems);
        checkRedis(profile.redis(), problems);
        checkTls("ZooKeeper TLS", profile.zooKeeper() == null ? null : profile.zooKeeper().tlsSettings(), problems);
        checkTls("Redis TLS", profile.redis() == null ? null : profile.redis().tlsSettings(), problems);
        return problems;
    }

    private static void checkLimits(ConnectionProfile.Limits limits, List<String> problems) {
        long bytes = limits.maxInputBytes();
        if (bytes < ConnectionProfile.Limits.MIN_INPUT_BYTES || bytes > ConnectionProfile.Limits.MAX_INPUT_BYTES) {
            problems.add("Largest input: between " + ConnectionProfile.Limits.MIN_INPUT_BYTES / ConnectionProfile.Limits.MIB + " and "
                    + ConnectionProfile.Limits.MAX_INPUT_BYTES / ConnectionProfile.Limits.MIB + " MB, not " + describe(bytes) + ".");
        }
    }

    private static String describe(long bytes) {
        return bytes % ConnectionProfile.Limits.MIB == 0 ? bytes / ConnectionProfile.Limits.MIB + " MB" : bytes + " bytes";
    }

    private static void checkHdfs(ConnectionProfile.HdfsSettings hdfs, List<String> problems) {
        if (hdfs == null || blank(hdfs.uri())) {
            problems.add("HDFS URI: required, like hdfs://namenode:8020.");
            return;
        }
        URI uri = parse(hdfs.uri());
        if (uri == null || !"hdfs".equals(uri.getScheme()) || blank(uri.getHost())) {
            problems.add("HDFS URI: '" + hdfs.uri() + "' is not like hdfs://namenode:8020.");
        }
        if (hdfs.kerberos() != null) {
            problems.addAll(hdfs.kerberos().problems());
        }
    }

    private static void checkZooKeeper(ConnectionProfile.ZooKeeperSettings zk, List<String> problems) {
        if (zk == null || blank(zk.connectString())) {
            problems.add("ZooKeeper: a connect string is required, like zk1:2181,zk2:2181.");
            return;
        }
        for (String server : zk.connectString().split(",")) {
            if (!HOST_PORT.matcher(server.strip()).matches()) {
                problems.add("ZooKeeper: '" + server.strip() + "' is not host:port.");
            }
        }
        if (!blank(zk.chroot()) && (!zk.chroot().startsWith("/") || zk.chroot().endsWith("/") && zk.chroot().length() > 1)) {
            problems.add("ZooKeeper chroot: starts with / and does not end with / (like /tessera).");
        }
        if (blank(zk.digestUser()) != (zk.digestPassword() == null)) {
            problems.add("ZooKeeper credentials: give both a user and a password, or neither.");
        }
    }

    private static void checkTls(String what, TlsSettings tls, List<String> problems) {
        if (tls != null && tls.keyStore() == null && tls.keyStorePassword() != null) {
            problems.add(what + ": a key store password without a client key store.");
        }
        if (tls != null && tls.trustFile() == null && tls.trustPassword() != null) {
            problems.add(what + ": a trust file password without a trust file.");
        }
    }

    private static void checkRedis(ConnectionProfile.RedisSettings redis, List<String> problems) {
        if (redis == null || blank(redis.uri())) {
            problems.add("Redis URI: required, like redis://host:6379.");
            return;
        }
        if (SentinelUri.isSentinel(redis.uri())) {
            try {
                SentinelUri.parse(redis.uri());
            } catch (IllegalArgumentException e) {
                problems.add("Redis URI: " + e.getMessage());
            }
            return;
        }
        URI uri = parse(redis.uri());
        if (uri == null || !("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || blank(uri.getHost())) {
            problems.add("Redis URI: '" + redis.uri() + "' is not like redis://host:6379 (or rediss:// for TLS, or redis-sentinel://host1:26379,host2:26379#master for Sentinel).");
        } else if (uri.getUserInfo() != null) {
            problems.add("Redis URI: put the user and password in their own fields, not in the URI.");
        }
    }

    private static URI parse(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
