package io.tessera.engine.kerberos;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hadoop keeps one security mode per JVM: {@link UserGroupInformation#setConfiguration} sets static fields (the
 * authentication method, the auth_to_local rules, the group mapping), and {@code isSecurityEnabled()} decides whether an
 * RPC connection tries SASL at all and whether a DataNode connection does the SASL handshake. A keytab or ticket-cache
 * login only works once that mode is Kerberos. Hadoop offers no per-client mode: its own daemons call
 * {@code setConfiguration} at start, and clients otherwise read the mode once from the classpath's core-site.xml.
 *
 * <p>So this JVM switches to Kerberos the first time a Kerberos profile signs in, and never back while it runs: the
 * console can hold a Kerberos profile and a simple one (or the embedded local cluster) at once. That stays safe because
 * the mode alone decides nothing for a connection: a Kerberos login is used only by the profile that made it (its own
 * {@code UserGroupInformation}, never the static login user), a simple profile acts as an explicit simple user with
 * fallback to simple authentication allowed in its own configuration ({@code ClientFactory}), a Kerberos profile's
 * configuration forbids that fallback, and the embedded cluster's daemons accept unsecured peers in a Kerberos JVM.
 * Something else in the JVM may set the mode back (the embedded NameNode does when it starts): {@link #ensureKerberos}
 * runs before every sign-in and renewal, so the mode is back before the next connection is made.
 */
final class JvmSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(JvmSecurity.class);

    /** The configuration the mode was last set from (its auth_to_local rules), to set it again the same way. */
    private static Configuration modeConf;

    private JvmSecurity() {}

    /**
     * Kerberos mode for this JVM, with the auth_to_local rules (how a principal maps to a short user name) of
     * {@code profileConf}, the profile's own Hadoop configuration. The rules are JVM-wide as well: the first Kerberos
     * profile's win until the mode is set again.
     */
    static synchronized void ensureKerberos(Configuration profileConf) {
        if (UserGroupInformation.isSecurityEnabled()) {
            return;
        }
        Configuration conf = new Configuration(profileConf);
        conf.set("hadoop.security.authentication", "kerberos");
        UserGroupInformation.setConfiguration(conf);
        modeConf = conf;
        LOG.info("Hadoop security switched to Kerberos for this process (a Kerberos profile signs in)");
    }

    /** Kerberos mode again, if something set it back, with the rules it had (the renewer's check). */
    static synchronized void ensureKerberos() {
        if (modeConf != null) {
            ensureKerberos(modeConf);
        }
    }
}
