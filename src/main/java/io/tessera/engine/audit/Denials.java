package io.tessera.engine.audit;

/**
 * Tells a refusal of the caller's identity from other failures, by the servers' own exception types anywhere in the
 * cause chain (named, not imported: the check must not load Hadoop's classes where they are absent).
 */
final class Denials {
    private static final java.util.Set<String> DENIAL_TYPES = java.util.Set.of(
            "org.apache.hadoop.security.AccessControlException",
            "org.apache.hadoop.hdfs.protocol.AclException",
            "org.apache.zookeeper.KeeperException$NoAuthException",
            "org.apache.zookeeper.KeeperException$AuthFailedException",
            "redis.clients.jedis.exceptions.JedisAccessControlException");

    private Denials() {}

    static boolean isDenial(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (DENIAL_TYPES.contains(t.getClass().getName())
                    || (t.getMessage() != null && (t.getMessage().startsWith("NOPERM") || t.getMessage().contains("Permission denied")))) {
                return true;
            }
        }
        return false;
    }

    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
