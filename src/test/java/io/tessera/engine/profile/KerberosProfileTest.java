package io.tessera.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's Kerberos sign-in for HDFS: saved and read back, absent in older files, checked before use. */
class KerberosProfileTest {
    @TempDir
    Path dir;

    private static ConnectionProfile withKerberos(KerberosSettings kerberos) {
        return new ConnectionProfile("secure", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://nn.example:8020", "/etc/hadoop/conf", null, kerberos),
                new ZooKeeperSettings("zk1:2181", "/tessera", null, null), new RedisSettings("redis://r:6379", null, null, false));
    }

    @Test
    void aKeytabOrATicketCacheRoundTripsAndTheFileHoldsOnlyThePath() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        ConnectionProfile keytab = withKerberos(KerberosSettings.keytab("alice@EXAMPLE.COM", "/etc/security/alice.keytab"));
        store.save(keytab, null);
        assertEquals(keytab, new ProfileStore(dir.resolve("profiles.json")).find("secure").orElseThrow());
        String file = Files.readString(dir.resolve("profiles.json")).replaceAll("\\s", "");
        assertEquals(true, file.contains("\"kerberos\":{\"principal\":\"alice@EXAMPLE.COM\",\"keytab\":\"/etc/security/alice.keytab\""), file);

        ConnectionProfile cache = withKerberos(KerberosSettings.ticketCache(null, null));
        store.save(cache, "secure");
        KerberosSettings read = new ProfileStore(dir.resolve("profiles.json")).find("secure").orElseThrow().hdfs().kerberos();
        assertEquals(KerberosSettings.DEFAULT_CACHE, read.ticketCache());
        assertNull(read.ticketCachePath(), "the default cache");
        assertEquals("ticket cache (default)", read.method());
    }

    @Test
    void aProfileFileFromBeforeKerberosReadsAsSimpleAuthentication() throws Exception {
        Files.writeString(dir.resolve("profiles.json"), """
                [{"name":"old","kind":"CLUSTER","hdfs":{"uri":"hdfs://nn:8020","confDir":"/etc/hadoop/conf","user":"etl"},
                  "zooKeeper":{"connectString":"zk:2181","chroot":"/tessera"},"redis":{"uri":"redis://r:6379","tls":false}}]""");
        HdfsSettings hdfs = new ProfileStore(dir.resolve("profiles.json")).find("old").orElseThrow().hdfs();
        assertEquals(new HdfsSettings("hdfs://nn:8020", "/etc/hadoop/conf", "etl"), hdfs);
        assertNull(hdfs.kerberos());
    }

    @Test
    void incompleteKerberosSettingsAreRefusedWithTheirReasons() {
        assertEquals(List.of(), ProfileValidator.problems(withKerberos(KerberosSettings.keytab("svc/host.example.com@EXAMPLE.COM", "/k"))));
        assertEquals(List.of("Kerberos: a keytab needs the principal to sign in as, like alice@EXAMPLE.COM."),
                ProfileValidator.problems(withKerberos(KerberosSettings.keytab(" ", "/k"))));
        assertEquals(List.of("Kerberos: a keytab or the ticket cache, not both."),
                ProfileValidator.problems(withKerberos(new KerberosSettings("alice", "/k", "default"))));
        assertEquals(List.of("Kerberos: give a keytab, or use the ticket cache."),
                ProfileValidator.problems(withKerberos(new KerberosSettings("alice", null, null))));
        assertEquals(List.of("Kerberos principal: 'alice smith@EXAMPLE.COM' is not like alice@EXAMPLE.COM or svc/host@EXAMPLE.COM."),
                ProfileValidator.problems(withKerberos(KerberosSettings.keytab("alice smith@EXAMPLE.COM", "/k"))));
    }
}
