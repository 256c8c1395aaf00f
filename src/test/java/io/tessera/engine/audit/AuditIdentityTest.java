package io.tessera.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.profile.KerberosSettings;
import org.junit.jupiter.api.Test;

/** The HDFS identity an audit record names for a Kerberos profile: its principal, whoever the JVM's login user is. */
class AuditIdentityTest {
    private static ConnectionTarget target(KerberosSettings kerberos) {
        return new ConnectionTarget("secure", "hdfs://nn:8020", null, null, "zk:2181", "/tessera", null, null, "redis://r:6379", null, null,
                false, false, kerberos);
    }

    @Test
    void aKerberosProfileIsRecordedAsItsPrincipal() {
        assertEquals("alice@EXAMPLE.COM", AuditIdentity.of(target(KerberosSettings.keytab("alice@EXAMPLE.COM", "/k"))).identities().get("hdfs"));
        assertEquals("kerberos ticket cache", AuditIdentity.of(target(KerberosSettings.ticketCache(null, null))).identities().get("hdfs"));
    }
}
