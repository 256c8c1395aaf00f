package io.tessera.engine.audit;

import io.tessera.engine.connect.ConnectionTarget;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Who an action runs as: the OS user, and the identity a connection uses with each service. Names only: a password
 * or key of the target never reaches a record.
 */
record AuditIdentity(String osUser, Map<String, String> identities, String profile) {

    static AuditIdentity of(ConnectionTarget target) {
        return new AuditIdentity(System.getProperty("user.name", "unknown"), Map.of(
                "hdfs", hdfsUser(target),
                "zookeeper", target.hasZooKeeperCredentials() ? target.zooKeeperDigestUser() : "anonymous",
                "redis", blank(target.redisUser()) ? "default" : target.redisUser()), target.profileName());
    }

    /** The profile's Kerberos principal or HDFS user, else the one Hadoop acts as here (HADOOP_USER_NAME, or the OS user). */
    private static String hdfsUser(ConnectionTarget target) {
        if (target.hdfsKerberos() != null) { // the profile's principal, not the JVM's current user (engine.kerberos)
            return blank(target.hdfsKerberos().principal()) ? "kerberos ticket cache" : target.hdfsKerberos().principal().strip();
        }
        if (!blank(target.hdfsUser())) {
            return target.hdfsUser();
        }
        try {
            return UserGroupInformation.getCurrentUser().getShortUserName();
        } catch (IOException | RuntimeException e) {
            return System.getProperty("user.name", "unknown");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
