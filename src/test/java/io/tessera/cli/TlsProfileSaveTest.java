package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tessera profile save` with TLS files for Redis and ZooKeeper: saved with references for their passwords, listed as TLS. */
class TlsProfileSaveTest {
    @Test
    void tlsOptionsAreSavedWithTheirPasswordsAsReferences(@TempDir Path home) throws Exception {
        CliRun saved = CliRun.run(home, "profile", "save", "secure", "--hdfs", "hdfs://nn:8020", "--zookeeper", "zk1:2281,zk2:2281",
                "--redis", "rediss://cache:6380", "--redis-trust", "/etc/tessera/ca.pem", "--redis-key-store", "/etc/tessera/client.p12",
                "--redis-key-store-password=p12-S3cret", "--zookeeper-tls", "--zookeeper-trust", "/etc/tessera/zk-ca.pem",
                "--zookeeper-key-store", "/etc/tessera/zk-client.pem", "--zookeeper-key-store-password-env", "ZK_KEY_PASSWORD",
                "--zookeeper-no-hostname-check");
        assertEquals(0, saved.exitCode(), saved.err());
        assertFalse(Files.readString(home.resolve("config/profiles.json")).contains("p12-S3cret"));

        ConnectionProfile profile = ProfileStore.inDirectories(AppDirectories.under(home)).find("secure").orElseThrow();
        TlsSettings redis = profile.redis().tlsSettings();
        assertEquals("/etc/tessera/ca.pem", redis.trustFile());
        assertEquals("/etc/tessera/client.p12", redis.keyStore());
        assertTrue(redis.keyStorePassword().value().startsWith("keystore:"), redis.toString());
        assertFalse(redis.skipHostnameCheck());
        assertEquals(new TlsSettings("/etc/tessera/zk-ca.pem", null, "/etc/tessera/zk-client.pem", SecretRef.env("ZK_KEY_PASSWORD"), true),
                profile.zooKeeper().tlsSettings());

        String list = CliRun.run(home, "profile", "list").out();
        assertTrue(list.lines().anyMatch(l -> l.startsWith("secure ") && l.contains("zk2:2281/tessera (TLS)") && l.contains("rediss://cache:6380 (TLS)")), list);
    }
}
