package io.tessera.engine.kerberos;

/**
 * Who a profile acts as in HDFS, and how it proves it: what the HDFS panel shows ("as alice@EXAMPLE.COM (Kerberos,
 * keytab)", "as hdfs (simple)"). Plain strings, so the console can show it without Hadoop types.
 *
 * @param name    the Kerberos principal, or the user name sent with simple authentication
 * @param method  "Kerberos, keytab", "Kerberos, ticket cache" or "simple"
 * @param warning a problem worth knowing that did not stop the sign-in (a keytab others can read), or null
 */
public record HdfsIdentity(String name, String method, String warning) {
    public static HdfsIdentity simple(String user) {
        return new HdfsIdentity(user, "simple", null);
    }

    public boolean kerberos() {
        return method.startsWith("Kerberos");
    }

    /** "alice@EXAMPLE.COM (Kerberos, keytab)". */
    public String describe() {
        return name + " (" + method + ")";
    }
}
