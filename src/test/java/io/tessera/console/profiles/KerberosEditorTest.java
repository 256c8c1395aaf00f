package io.tessera.console.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.KerberosSettings;
import io.tessera.engine.profile.ProfileActions;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile editor's Kerberos section, through its view model: saved, loaded again, checked. */
class KerberosEditorTest {
    @TempDir
    Path home;

    @Test
    void aKeytabSignInIsSavedLoadedForEditingAndSwitchedToTheTicketCache() throws Exception {
        TestContexts app = new TestContexts(home);
        ProfileStore store = ProfileStore.inDirectories(app.dirs);
        SecretStore secrets = SecretStore.inDirectories(app.dirs);
        ProfileEditorViewModel editor = app.context.profiles().newProfile();
        fill(editor.form());
        editor.form().kerberos.mode.set(KerberosForm.Mode.KEYTAB);
        assertTrue(editor.problems().contains("Kerberos: give a keytab, or use the ticket cache."), editor.problems().toString());
        editor.form().kerberos.keytab.set("/etc/security/keytabs/alice.keytab");
        assertTrue(editor.problems().contains("Kerberos: a keytab needs the principal to sign in as, like alice@EXAMPLE.COM."), editor.problems().toString());
        editor.form().kerberos.principal.set("alice@EXAMPLE.COM");
        ConnectionProfile saved = save(editor);
        assertEquals(KerberosSettings.keytab("alice@EXAMPLE.COM", "/etc/security/keytabs/alice.keytab"), saved.hdfs().kerberos());
        assertEquals(saved, store.find("Secure").orElseThrow());

        ProfileEditorViewModel again = new ProfileEditorViewModel(saved, new ProfileActions(store, secrets, AuditTrail.NONE), secrets, app.tasks,
                Duration.ofSeconds(1));
        KerberosForm form = again.form().kerberos;
        assertEquals(KerberosForm.Mode.KEYTAB, form.mode.get());
        assertEquals("alice@EXAMPLE.COM", form.principal.get());
        assertEquals("/etc/security/keytabs/alice.keytab", form.keytab.get());
        form.mode.set(KerberosForm.Mode.TICKET_CACHE);
        form.principal.set("");
        assertEquals(KerberosSettings.ticketCache(null, null), save(again).hdfs().kerberos());

        ProfileEditorViewModel none = new ProfileEditorViewModel(store.find("Secure").orElseThrow(), new ProfileActions(store, secrets, AuditTrail.NONE),
                secrets, app.tasks, Duration.ofSeconds(1));
        none.form().kerberos.mode.set(KerberosForm.Mode.NONE);
        assertNull(save(none).hdfs().kerberos());
    }

    private static void fill(ProfileForm form) {
        form.name.set("Secure");
        form.hdfsUri.set("hdfs://nn.example:8020");
        form.zkConnect.set("zk.example:2181");
        form.redisUri.set("redis://redis.example:6379");
    }

    private static ConnectionProfile save(ProfileEditorViewModel editor) {
        AtomicReference<ConnectionProfile> saved = new AtomicReference<>();
        editor.save(saved::set);
        assertNotNull(saved.get(), "not saved: " + editor.message().get() + " " + editor.problems());
        return saved.get();
    }
}
