package io.tessera.console.profiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileActions;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.TlsSettings;
import io.tessera.engine.security.tls.TestCertificates;
import io.tessera.engine.security.tls.TlsRedisServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile editor's TLS part: files and the hostname check saved in the profile, the key store password in the
 * keystore only (kept, replaced or forgotten like the others), and a connection test that uses them against a real
 * redis-server requiring client certificates.
 */
class TlsProfileEditorTest {
    private static final String KEY_SECRET = "p12-S3cret-never-on-disk";

    @TempDir
    Path home;
    private TestContexts app;
    private ProfileStore store;
    private SecretStore secrets;

    @BeforeEach
    void wire() {
        app = new TestContexts(home);
        store = ProfileStore.inDirectories(app.dirs);
        secrets = SecretStore.inDirectories(app.dirs);
    }

    @Test
    void tlsFilesAreSavedAndTheKeyStorePasswordGoesToTheKeystore() throws Exception {
        ProfileEditorViewModel editor = app.context.profiles().newProfile();
        fill(editor.form(), "redis://127.0.0.1:6380");
        editor.form().redisTls.set(true);
        editor.form().redisTlsFiles.trustFile.set("/etc/tessera/ca.pem");
        editor.form().redisTlsFiles.keyStore.set("/etc/tessera/client.p12");
        editor.form().redisTlsFiles.keyStorePassword.typed.set(KEY_SECRET);
        editor.form().zkTls.enabled.set(true);
        editor.form().zkTls.trustFile.set("/etc/tessera/zk-ca.pem");
        editor.form().zkTls.checkHostname.set(false);
        ConnectionProfile saved = save(editor);

        TlsSettings redis = saved.redis().tlsSettings();
        assertEquals("/etc/tessera/ca.pem", redis.trustFile());
        assertEquals("/etc/tessera/client.p12", redis.keyStore());
        assertFalse(redis.skipHostnameCheck(), "the check is on unless unticked");
        assertArrayEquals(KEY_SECRET.toCharArray(), secrets.resolve(redis.keyStorePassword()).orElseThrow());
        assertEquals(new TlsSettings("/etc/tessera/zk-ca.pem", null, null, null, true), saved.zooKeeper().tlsSettings());
        String file = Files.readString(store.file());
        assertFalse(file.contains(KEY_SECRET), file);

        ProfileEditorViewModel edit = new ProfileEditorViewModel(saved, new ProfileActions(store, secrets, AuditTrail.NONE), secrets, app.tasks,
                Duration.ofSeconds(1));
        assertTrue(edit.form().redisTlsFiles.keyStorePassword.stored().get());
        assertEquals("", edit.form().redisTlsFiles.keyStorePassword.typed.get(), "a stored secret is never read back into the form");
        assertTrue(edit.form().zkTls.enabled.get());
        edit.form().hdfsUser.set("etl");
        ConnectionProfile kept = save(edit);
        assertEquals(redis.keyStorePassword(), kept.redis().tlsSettings().keyStorePassword());

        ProfileEditorViewModel off = new ProfileEditorViewModel(kept, new ProfileActions(store, secrets, AuditTrail.NONE), secrets, app.tasks,
                Duration.ofSeconds(1));
        off.form().redisTlsFiles.keyStorePassword.forget();
        off.form().zkTls.enabled.set(false);
        ConnectionProfile plainZk = save(off);
        assertNull(plainZk.zooKeeper().tlsSettings());
        assertNull(plainZk.redis().tlsSettings().keyStorePassword());
        assertTrue(secrets.resolve(redis.keyStorePassword()).isEmpty(), "the forgotten password left the keystore");
    }

    @Test
    @Timeout(90)
    void theConnectionTestUsesTheTypedTlsFiles() throws Exception {
        TestCertificates certificates = TestCertificates.make(home.resolve("certs"));
        try (TlsRedisServer redis = TlsRedisServer.start(home.resolve("redis"), certificates, "server", TlsRedisServer.ClientAuth.YES)) {
            ProfileEditorViewModel editor = new ProfileEditorViewModel(null, new ProfileActions(store, secrets, AuditTrail.NONE), secrets, app.tasks,
                    Duration.ofSeconds(3));
            fill(editor.form(), redis.tlsUri());
            editor.form().redisPassword.typed.set(redis.password());
            editor.form().redisTlsFiles.trustFile.set(certificates.ca().toString());
            editor.form().redisTlsFiles.keyStore.set(certificates.clientP12().toString());
            editor.form().redisTlsFiles.keyStorePassword.typed.set(new String(TestCertificates.P12_PASSWORD));
            assertEquals(ServiceHealth.State.UP, redisResult(editor).state(), redisResult(editor).summary());

            editor.form().redisTlsFiles.keyStore.set("");
            ServiceHealth without = redisResult(editor);
            assertEquals(ServiceHealth.State.DOWN, without.state());
            assertTrue(without.summary().contains("wants a client certificate"), without.summary());
        }
    }

    @Test
    @Timeout(90)
    void aTrustStoresPasswordIsTypedSavedInTheKeystoreAndUsed() throws Exception {
        TestCertificates certificates = TestCertificates.make(home.resolve("certs"));
        Path trustStore = home.resolve("certs/trust.p12");
        char[] trustSecret = "trust-S3cret-never-on-disk".toCharArray();
        KeyStore store12 = KeyStore.getInstance("PKCS12");
        store12.load(null, null);
        try (InputStream ca = Files.newInputStream(certificates.ca())) {
            store12.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            store12.store(out, trustSecret);
        }
        try (TlsRedisServer redis = TlsRedisServer.start(home.resolve("redis"), certificates, "server", TlsRedisServer.ClientAuth.NO)) {
            ProfileEditorViewModel editor = new ProfileEditorViewModel(null, new ProfileActions(store, secrets, AuditTrail.NONE), secrets, app.tasks,
                    Duration.ofSeconds(3));
            fill(editor.form(), redis.tlsUri());
            editor.form().redisPassword.typed.set(redis.password());
            editor.form().redisTlsFiles.trustFile.set(trustStore.toString());
            ServiceHealth noPassword = redisResult(editor);
            assertEquals(ServiceHealth.State.DOWN, noPassword.state(), "a PKCS#12 trust store without its password cannot be opened");

            editor.form().redisTlsFiles.trustPassword.typed.set(new String(trustSecret));
            assertEquals(ServiceHealth.State.UP, redisResult(editor).state(), redisResult(editor).summary());
            editor.save(profile -> { }); // HDFS and ZooKeeper are not there: the first save asks "Save anyway?"
            ConnectionProfile saved = save(editor);
            assertArrayEquals(trustSecret, secrets.resolve(saved.redis().tlsSettings().trustPassword()).orElseThrow());
            assertFalse(Files.readString(store.file()).contains(new String(trustSecret)));

            ProfileEditorViewModel edit = new ProfileEditorViewModel(saved, new ProfileActions(store, secrets, AuditTrail.NONE), secrets, app.tasks,
                    Duration.ofSeconds(3));
            assertTrue(edit.form().redisTlsFiles.trustPassword.stored().get());
            assertEquals("", edit.form().redisTlsFiles.trustPassword.typed.get());
            edit.form().redisPassword.typed.set(redis.password());
            assertEquals(ServiceHealth.State.UP, redisResult(edit).state(), "the stored trust password is used: " + redisResult(edit).summary());
            edit.form().redisTlsFiles.trustFile.set("");
            edit.save(profile -> { });
            ConnectionProfile jvmTrust = save(edit);
            assertTrue(jvmTrust.redis().tlsSettings() == null || jvmTrust.redis().tlsSettings().trustPassword() == null);
            assertTrue(secrets.resolve(saved.redis().tlsSettings().trustPassword()).isEmpty(), "no trust file, no trust password kept");
        }
    }

    private static ServiceHealth redisResult(ProfileEditorViewModel editor) throws InterruptedException {
        editor.testConnection();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (editor.testResults().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no test results: " + editor.message().get() + " " + editor.problems());
            }
            Thread.sleep(20);
        }
        return editor.testResults().stream().filter(h -> h.service() == ServiceKind.REDIS).findFirst().orElseThrow();
    }

    private static void fill(ProfileForm form, String redisUri) {
        form.name.set("Secure");
        form.hdfsUri.set("hdfs://127.0.0.1:1");
        form.zkConnect.set("127.0.0.1:1");
        form.redisUri.set(redisUri);
    }

    private static ConnectionProfile save(ProfileEditorViewModel editor) {
        AtomicReference<ConnectionProfile> saved = new AtomicReference<>();
        editor.save(saved::set);
        assertNotNull(saved.get(), "not saved: " + editor.message().get() + " " + editor.problems());
        return saved.get();
    }
}
