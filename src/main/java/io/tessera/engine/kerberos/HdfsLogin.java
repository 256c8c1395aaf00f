package io.tessera.engine.kerberos;

import io.tessera.engine.profile.KerberosSettings;
import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * The identity one profile uses with HDFS: a Kerberos login of its own ({@link KerberosLogins}), or a simple user.
 * Everything that opens HDFS for a profile builds its clients inside {@link #run}: a {@code DFSClient} keeps the user it
 * was built under for all its calls, from any thread.
 */
public final class HdfsLogin {
    private final UserGroupInformation ugi;
    private final HdfsIdentity identity;

    private HdfsLogin(UserGroupInformation ugi, HdfsIdentity identity) {
        this.ugi = ugi;
        this.identity = identity;
    }

    /**
     * Signs in with {@code kerberos} (null: simple authentication as {@code user}, or as the OS user when blank).
     * {@code conf} is the profile's Hadoop configuration.
     */
    public static HdfsLogin of(KerberosSettings kerberos, String user, Configuration conf) throws IOException {
        if (kerberos != null) {
            UserGroupInformation ugi = KerberosLogins.login(kerberos, conf);
            String how = kerberos.usesKeytab() ? "Kerberos, keytab" : "Kerberos, ticket cache";
            return new HdfsLogin(ugi, new HdfsIdentity(ugi.getUserName(), how, kerberos.usesKeytab() ? KeytabFile.exposure(kerberos.keytab()) : null));
        }
        if (user != null && !user.isBlank()) {
            return new HdfsLogin(UserGroupInformation.createRemoteUser(user.strip()), HdfsIdentity.simple(user.strip()));
        }
        if (UserGroupInformation.isSecurityEnabled()) {
            // a Kerberos profile switched this JVM to Kerberos: the static login user may now be a principal from the
            // default ticket cache, so a simple profile names its OS user explicitly instead
            String os = osUser();
            return new HdfsLogin(UserGroupInformation.createRemoteUser(os), HdfsIdentity.simple(os));
        }
        UserGroupInformation current = UserGroupInformation.getCurrentUser();
        return new HdfsLogin(current, HdfsIdentity.simple(current.getShortUserName()));
    }

    /** What Hadoop's simple login would send: HADOOP_USER_NAME when set, else the OS account. */
    private static String osUser() {
        String name = System.getenv("HADOOP_USER_NAME");
        if (name == null || name.isBlank()) {
            name = System.getProperty("HADOOP_USER_NAME");
        }
        return name == null || name.isBlank() ? System.getProperty("user.name") : name;
    }

    public HdfsIdentity identity() {
        return identity;
    }

    /** Runs {@code action} as this identity: build clients here. */
    public <T> T run(PrivilegedExceptionAction<T> action) throws IOException {
        try {
            return ugi.doAs(action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to HDFS", e);
        }
    }
}
