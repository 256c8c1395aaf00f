package io.tessera.console.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.console.connection.LocalCluster;
import io.tessera.console.connection.Session;
import io.tessera.engine.profile.ConnectionProfile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupViewModelTest {
    @TempDir
    Path home;

    @Test
    void aLocalClusterThatCannotStartShowsTheReasonUntilDismissed() throws Exception {
        TestContexts app = new TestContexts(home);
        StartupViewModel startup = new StartupViewModel(app.context.session());
        assertFalse(startup.visible().get());

        try (var held = app.lockLocalClusterFolder()) {
            app.context.session().activate(ConnectionProfile.local());
        }

        assertEquals(LocalCluster.State.FAILED, app.context.session().localCluster().stateProperty().get());
        assertEquals(Session.Phase.FAILED, app.context.session().phaseProperty().get());
        assertTrue(startup.visible().get());
        assertTrue(startup.failed().get());
        assertEquals("The local cluster did not start", startup.title().get());
        assertTrue(startup.problem().getValue().contains("already running"), startup.problem().getValue());
        assertFalse(startup.problem().getValue().contains("Exception"), "a reason, not a stack trace");

        startup.dismiss();
        assertFalse(startup.visible().get());
    }
}
