package io.tessera.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.membership.WorkerRequest;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.SharedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's workers on the shared cluster: a worker shows with its figures, and the dashboard's drain takes it out. */
class DashboardModelIT {
    @TempDir
    Path home;

    @Test
    void aWorkerShowsAndTheDashboardDrainsIt() throws Exception {
        TestContexts app = new TestContexts(home);
        ConnectionTarget target = SharedCluster.target();
        activateShared(app, "Shared", false);
        DashboardModel dashboard = app.context.health().dashboard();
        DispatchKeys keys = new DispatchKeys("dash-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        try (ClusterConnection own = new ClusterConnection(target);
             Worker worker = Worker.start(own, WorkerOptions.defaults(3).withKeys(keys, DispatchSettings.defaults()))) {
            app.pulseUntil(Duration.ofSeconds(60), () -> dashboard.workers().stream().anyMatch(w -> w.id().equals(worker.id())));
            WorkerRow row = dashboard.workers().stream().filter(w -> w.id().equals(worker.id())).findFirst().orElseThrow();
            assertEquals("3", row.threads());
            assertEquals("idle", row.jobs());
            assertTrue(!row.silent(), row.toString());

            dashboard.drain(worker.id());

            assertEquals(WorkerRequest.Action.DRAIN, worker.stoppedOnRequest().get(30, TimeUnit.SECONDS).action());
            app.pulseUntil(Duration.ofSeconds(30), () -> dashboard.workers().stream().noneMatch(w -> w.id().equals(worker.id())));
            assertTrue(dashboard.notice().get().startsWith("Asked worker " + worker.id() + " to drain"), dashboard.notice().get());
        } finally {
            app.context.session().shutdown(() -> { });
        }
    }

    @Test
    void aReadOnlyProfileShowsTheWorkersButRefusesToDrainThem() throws Exception {
        TestContexts app = new TestContexts(home);
        ConnectionTarget target = SharedCluster.target();
        activateShared(app, "Viewer", true);
        HealthViewModel health = app.context.health();
        DashboardModel dashboard = health.dashboard();
        DispatchKeys keys = new DispatchKeys("dash-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        try (ClusterConnection own = new ClusterConnection(target);
             Worker worker = Worker.start(own, WorkerOptions.defaults(1).withKeys(keys, DispatchSettings.defaults()))) {
            app.pulseUntil(Duration.ofSeconds(60), () -> dashboard.workers().stream().anyMatch(w -> w.id().equals(worker.id())));
            assertTrue(health.writes().refused().get(), "the panel's drain and stop are disabled");
            assertEquals("profile 'Viewer' is read-only: no changes can be made through it", health.writes().reason().get());

            dashboard.drain(worker.id()); // what a disabled button cannot do: the service refuses it too
            app.pulseUntil(Duration.ofSeconds(30), () -> dashboard.notice().get().startsWith("Could not ask worker"));
            assertEquals("Could not ask worker " + worker.id() + " to drain: profile 'Viewer' is read-only: no changes can be made through it",
                    dashboard.notice().get());
            assertTrue(!worker.stoppedOnRequest().isDone(), "the worker was not asked");
        } finally {
            app.context.session().shutdown(() -> { });
        }
    }

    /** Makes a saved-style cluster profile of the shared cluster (its Redis password in the app's keystore) the active one. */
    private static void activateShared(TestContexts app, String name, boolean readOnly) throws Exception {
        ConnectionTarget target = SharedCluster.target();
        SecretStore secrets = SecretStore.inDirectories(app.dirs);
        app.context.session().activate(new ConnectionProfile(name, ConnectionProfile.Kind.CLUSTER,
                new ConnectionProfile.HdfsSettings(target.hdfsUri(), null, null),
                new ConnectionProfile.ZooKeeperSettings(target.zooKeeperConnect(), target.zooKeeperChroot(), null, null),
                new ConnectionProfile.RedisSettings(target.redisUri(), null, secrets.put(target.redisPassword()), false)).withReadOnly(readOnly));
    }
}
