package io.tessera.console.profiles;

import io.tessera.engine.profile.ProfileActions;
import io.tessera.engine.audit.AuditTrail;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.console.profiles.ProfileEditorViewModel.TestState;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileEditorViewModelTest {
    private static final String ZK_SECRET = "zk-S3cret-never-on-disk";
    private static final String REDIS_SECRET = "redis-S3cret-never-on-disk";

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
    void aBlankFormListsItsProblemsAndSavesNothing() {
        ProfileEditorViewModel editor = app.context.profiles().newProfile();
        assertFalse(editor.showProblems().get(), "no red before the operator tried anything");

        editor.save(saved -> { throw new AssertionError("saved a blank profile"); });

        assertTrue(editor.showProblems().get());
        assertTrue(editor.problems().stream().anyMatch(p -> p.startsWith("HDFS URI")), editor.problems().toString());
        assertTrue(editor.problems().stream().anyMatch(p -> p.startsWith("Redis URI")), editor.problems().toString());
        assertFalse(Files.exists(store.file()));

        fill(editor, "Half done", 8020);
        editor.form().zkUser.set("tessera");
        assertTrue(editor.problems().stream().anyMatch(p -> p.startsWith("ZooKeeper credentials")), "a user without a password is a problem");
    }

    @Test
    void passwordsGoToTheKeystoreAndNeverIntoTheProfileFile() throws Exception {
        ConnectionProfile saved = saveNew("Production");

        String file = Files.readString(store.file());
        assertFalse(file.contains(ZK_SECRET), file);
        assertFalse(file.contains(REDIS_SECRET), file);
        assertTrue(file.contains("keystore:"), file);
        assertArrayEquals(ZK_SECRET.toCharArray(), secrets.resolve(saved.zooKeeper().digestPassword()).orElseThrow());
        assertArrayEquals(REDIS_SECRET.toCharArray(), secrets.resolve(saved.redis().password()).orElseThrow());
        assertEquals("/tessera", saved.zooKeeper().chroot());
    }

    @Test
    void editingKeepsAStoredSecretUnlessItIsReplacedOrForgotten() throws Exception {
        ConnectionProfile original = saveNew("Staging");

        ProfileEditorViewModel keep = new ProfileEditorViewModel(original, new ProfileActions(store, secrets, AuditTrail.NONE), secrets, app.tasks, java.time.Duration.ofSeconds(1));
        assertTrue(keep.form().redisPassword.stored().get());
        assertEquals("", keep.form().redisPassword.typed.get(), "a stored secret is never read back into the form");
        keep.form().hdfsUser.set("etl");
        ConnectionProfile kept = save(keep);
        assertEquals(original.redis().password(), kept.redis().password());
        assertEquals(original.zooKeeper().digestPassword(), kept.zooKeeper().digestPassword());
        assertEquals("etl", store.find("Staging").orElseThrow().hdfs().user());

        ProfileEditorViewModel replace = new ProfileEditorViewModel(kept, new ProfileActions(store, secrets, AuditTrail.NONE), secrets, app.tasks, java.time.Duration.ofSeconds(1));
        replace.form().redisPassword.typed.set("a-new-one");
        replace.form().zkPassword.forget();
        replace.form().zkUser.set("");
        ConnectionProfile replaced = save(replace);
        assertNotEquals(kept.redis().password(), replaced.redis().password());
        assertArrayEquals("a-new-one".toCharArray(), secrets.resolve(replaced.redis().password()).orElseThrow());
        assertTrue(secrets.resolve(kept.redis().password()).isEmpty(), "the replaced secret is removed");
        assertNull(replaced.zooKeeper().digestPassword());
        assertTrue(secrets.resolve(kept.zooKeeper().digestPassword()).isEmpty(), "the forgotten secret is removed");
    }

    @Test
    void testingAnUnreachableClusterReportsEachServiceDownAndSavingThenAsksFirst() throws Exception {
        ProfileEditorViewModel editor = app.context.profiles().newProfile();
        fill(editor, "Unreachable", closedPort());

        long began = System.nanoTime();
        editor.testConnection();
        long seconds = (System.nanoTime() - began) / 1_000_000_000;

        assertEquals(TestState.FAILED, editor.testState().get());
        assertTrue(seconds < 10, "the test took " + seconds + " s");
        List<ServiceHealth> results = editor.testResults();
        assertEquals(3, results.size());
        for (ServiceHealth result : results) {
            assertEquals(ServiceHealth.State.DOWN, result.state(), result.toString());
            assertFalse(result.summary().isBlank(), result.toString());
        }

        AtomicReference<ConnectionProfile> saved = new AtomicReference<>();
        editor.save(saved::set);
        assertNull(saved.get(), "a failed test asks before saving");
        assertTrue(editor.message().get().contains("test failed"), editor.message().get());
        editor.save(saved::set);
        assertNotNull(saved.get(), "the second Save saves anyway");
        assertTrue(store.find("Unreachable").isPresent());
    }

    @Test
    void editingAfterATestForgetsItsResult() {
        ProfileEditorViewModel editor = app.context.profiles().newProfile();
        fill(editor, "Flaky", closedPort());
        editor.testConnection();
        assertEquals(TestState.FAILED, editor.testState().get());

        editor.form().redisUri.set("redis://127.0.0.1:6380");

        assertEquals(TestState.NOT_TESTED, editor.testState().get());
        assertTrue(editor.testResults().isEmpty());
        AtomicReference<ConnectionProfile> saved = new AtomicReference<>();
        editor.save(saved::set);
        assertNotNull(saved.get(), "an untested profile saves without a warning");
    }

    @Test
    void listenersOnTheReadOnlyListsSurviveGarbageCollection() {
        ProfileEditorViewModel editor = app.context.profiles().newProfile();
        java.util.concurrent.atomic.AtomicInteger resultChanges = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger problemChanges = new java.util.concurrent.atomic.AtomicInteger();
        editor.testResults().addListener((javafx.collections.ListChangeListener<ServiceHealth>) change -> resultChanges.incrementAndGet());
        editor.problems().addListener((javafx.collections.ListChangeListener<String>) change -> problemChanges.incrementAndGet());
        System.gc();
        System.gc();

        fill(editor, "Collected", closedPort());
        editor.testConnection();

        assertTrue(problemChanges.get() > 0, "the view stopped hearing about problems");
        assertTrue(resultChanges.get() > 0, "the view stopped hearing about test results");
    }

    private ConnectionProfile saveNew(String name) {
        ProfileEditorViewModel editor = app.context.profiles().newProfile();
        fill(editor, name, 8020);
        editor.form().zkUser.set("tessera");
        editor.form().zkPassword.typed.set(ZK_SECRET);
        editor.form().redisPassword.typed.set(REDIS_SECRET);
        return save(editor);
    }

    private static ConnectionProfile save(ProfileEditorViewModel editor) {
        AtomicReference<ConnectionProfile> saved = new AtomicReference<>();
        editor.save(saved::set);
        assertNotNull(saved.get(), "not saved: " + editor.message().get() + " " + editor.problems());
        return saved.get();
    }

    private static void fill(ProfileEditorViewModel editor, String name, int port) {
        ProfileForm form = editor.form();
        form.name.set(name);
        form.hdfsUri.set("hdfs://127.0.0.1:" + port);
        form.zkConnect.set("127.0.0.1:" + port);
        form.redisUri.set("redis://127.0.0.1:" + port);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
