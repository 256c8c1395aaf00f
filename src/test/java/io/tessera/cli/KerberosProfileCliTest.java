package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.profile.KerberosSettings;
import io.tessera.engine.profile.ProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera profile save} with a Kerberos principal and keytab, or the ticket cache. */
class KerberosProfileCliTest {
    @Test
    void aKeytabProfileIsSavedListedAndAKeytabOthersCanReadIsPointedOut(@TempDir Path home) throws Exception {
        Path keytab = Files.writeString(home.resolve("alice.keytab"), "not really a keytab");
        Files.setPosixFilePermissions(keytab, PosixFilePermissions.fromString("rw-r-----"));
        CliRun saved = CliRun.run(home, "profile", "save", "secure", "--hdfs", "hdfs://nn:8020", "--zookeeper", "zk:2181", "--redis", "redis://r:6379",
                "--kerberos-principal", "alice@EXAMPLE.COM", "--keytab", keytab.toString());
        assertEquals(0, saved.exitCode(), saved.err());
        assertTrue(saved.out().contains("Warning: the keytab " + keytab + " is readable by its group: anyone who can read it can act as its principal"
                + " (chmod 600 " + keytab + ")."), saved.out());
        assertEquals(KerberosSettings.keytab("alice@EXAMPLE.COM", keytab.toString()),
                ProfileStore.inDirectories(AppDirectories.under(home)).find("secure").orElseThrow().hdfs().kerberos());
        String list = CliRun.run(home, "profile", "list").out();
        assertTrue(list.lines().anyMatch(l -> l.startsWith("secure ") && l.endsWith("| kerberos alice@EXAMPLE.COM, keytab " + keytab)), list);
    }

    @Test
    void theTicketCacheNeedsNoPrincipalAndAKeytabNeedsOne(@TempDir Path home) {
        CliRun cache = CliRun.run(home, "profile", "save", "kinit", "--hdfs", "hdfs://nn:8020", "--zookeeper", "zk:2181", "--redis", "redis://r:6379",
                "--ticket-cache");
        assertEquals(0, cache.exitCode(), cache.err());
        assertTrue(CliRun.run(home, "profile", "list").out().lines().anyMatch(l -> l.startsWith("kinit ") && l.endsWith("| kerberos ticket cache (default)")));

        CliRun noPrincipal = CliRun.run(home, "profile", "save", "half", "--hdfs", "hdfs://nn:8020", "--zookeeper", "zk:2181", "--redis", "redis://r:6379",
                "--keytab", "/etc/security/alice.keytab");
        assertEquals(2, noPrincipal.exitCode());
        assertTrue(noPrincipal.err().contains("Kerberos: a keytab needs the principal to sign in as, like alice@EXAMPLE.COM."), noPrincipal.err());
    }
}
