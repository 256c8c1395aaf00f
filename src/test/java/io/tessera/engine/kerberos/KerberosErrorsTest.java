package io.tessera.engine.kerberos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tessera.engine.profile.KerberosSettings;
import java.io.IOException;
import javax.security.auth.login.LoginException;
import org.apache.hadoop.security.KerberosAuthException;
import org.junit.jupiter.api.Test;

/**
 * The failures a MiniKdc cannot produce, in the words the JDK and Hadoop use for them (a clock skew needs a client clock
 * minutes off the KDC's, which one JVM cannot have), and what an operator reads instead.
 */
class KerberosErrorsTest {
    private static final KerberosSettings KEYTAB = KerberosSettings.keytab("alice@EXAMPLE.COM", "/etc/security/alice.keytab");

    private static IOException hadoopLoginFailure(String jdkText) {
        return new KerberosAuthException("failure to login: for principal: alice@EXAMPLE.COM from keytab /etc/security/alice.keytab",
                new LoginException(jdkText));
    }

    @Test
    void aClockSkewSaysSetTheTime() {
        assertEquals("this machine's clock and the KDC's differ by more than Kerberos allows (usually 5 minutes): set the time (NTP)",
                KerberosErrors.loginFailure(hadoopLoginFailure("Clock skew too great (37) - PROCESS_TGS"), KEYTAB));
        assertEquals("this machine's clock and the KDC's differ by more than Kerberos allows (usually 5 minutes): set the time (NTP)",
                KerberosErrors.describe(new IOException("javax.security.sasl.SaslException: GSS initiate failed",
                        new IOException("Clock skew too great (37)"))));
    }

    @Test
    void aTicketThatExpiresWhileRunningSaysRunKinit() {
        assertEquals("the Kerberos ticket has expired or is missing: run kinit, or give the profile a keytab (which renews itself)",
                KerberosErrors.describe(new IOException("GSS initiate failed",
                        new IOException("No valid credentials provided (Mechanism level: Failed to find any Kerberos tgt)"))));
    }

    @Test
    void anUnknownPrincipalAndAMissingConfigurationAreNamed() {
        assertEquals("the KDC does not know the principal alice@EXAMPLE.COM",
                KerberosErrors.loginFailure(hadoopLoginFailure("Client not found in Kerberos database (6) - CLIENT_NOT_FOUND"), KEYTAB));
        assertEquals("no Kerberos configuration: give the machine an /etc/krb5.conf naming the realm and its KDC"
                        + " (or start Tessera with -Djava.security.krb5.conf=FILE)",
                KerberosErrors.loginFailure(hadoopLoginFailure("Cannot locate default realm"), KEYTAB));
        assertEquals("no KDC answered for the realm (check the kdc lines of krb5.conf and the network)",
                KerberosErrors.loginFailure(hadoopLoginFailure("Cannot contact any KDC for realm 'EXAMPLE.COM'"), KEYTAB));
    }

    @Test
    void aMissingNameNodePrincipalNamesTheSetting() {
        assertEquals("the profile's Hadoop configuration folder does not name the NameNode's principal (dfs.namenode.kerberos.principal in hdfs-site.xml)",
                KerberosErrors.describe(new IllegalArgumentException("Failed to specify server's Kerberos principal name")));
    }

    @Test
    void anythingElseIsNotKerberos() {
        assertNull(KerberosErrors.describe(new IOException("Connection refused")));
        assertEquals("Kerberos sign-in as alice@EXAMPLE.COM failed: something new",
                KerberosErrors.loginFailure(hadoopLoginFailure("something new"), KEYTAB));
    }
}
