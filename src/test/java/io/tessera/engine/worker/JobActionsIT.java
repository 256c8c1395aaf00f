package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.actions.ActionGate;
import io.tessera.engine.actions.WriteAccess;
import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobId;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.testing.ExactJob;
import io.tessera.testing.RecordingTrail;
import io.tessera.testing.SharedCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every job action through {@link JobActions} leaves exactly one audit record, and retry-failed works from the engine alone. */
class JobActionsIT {
    private final ClusterConnection connection = SharedCluster.connection();
    private final DispatchKeys keys = new DispatchKeys("jobactions-" + UUID.randomUUID().toString().substring(0, 8) + ":");
    private final RecordingTrail trail = new RecordingTrail();
    private final JobActions actions = new JobActions(connection, keys, DispatchSettings.defaults(), new ActionGate(trail, WriteAccess.ALLOWED),
            Clock.systemDefaultZone());
    private final JobQueries queries = new JobQueries(connection, keys, DispatchSettings.defaults());

    @Test
    void submitPauseResumeRetryRequeueAndCancelAreEachRecordedOnce() throws Exception {
        JobFixture images = JobFixture.upload(connection.fileSystem(), 4);
        JobId id = JobId.of("audited-" + UUID.randomUUID().toString().substring(0, 8));
        JobRequest request = new JobRequest(id, images.input, null, Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL,
                new ShardLimits(3, 0), 2);

        JobSpec job = actions.submit(request, JobSubmission.Steps.NONE);
        AuditEvent submit = trail.expectOne(AuditActions.JOB_SUBMIT, List.of(id.value(), images.input), AuditResult.DONE);
        assertTrue(submit.parameters().get("pipeline").startsWith("thumbnail:24 → png"), submit.toString());
        assertEquals(request.recipe().output(), submit.parameters().get("output"));
        assertEquals(6, job.images());

        assertTrue(actions.pause(id));
        trail.expectOne(AuditActions.JOB_PAUSE, List.of(id.value()), AuditResult.DONE);
        assertTrue(actions.resume(id));
        trail.expectOne(AuditActions.JOB_RESUME, List.of(id.value()), AuditResult.DONE);

        try (Worker worker = Worker.start(connection, WorkerOptions.defaults(1).withKeys(keys, DispatchSettings.defaults()))) {
            JobStatus settled = queries.await(id.value(), Duration.ofMillis(100), ExactJob.PATIENCE, s -> { });
            assertEquals(2, settled.counts().failed(), "the two bad files failed: " + settled);
            trail.take(); // the worker's own work is not an operator action

            JobSpec retry = actions.retryFailed(id);
            AuditEvent retried = trail.expectOne(AuditActions.JOB_RETRY_FAILED, List.of(id.value(), retry.id()), AuditResult.DONE);
            assertTrue(retry.id().startsWith("retry-"), retry.id());
            assertEquals(2, retry.images(), "only the failed images are retried");
            assertEquals(2, retried.targets().size());
            queries.await(retry.id(), Duration.ofMillis(100), ExactJob.PATIENCE, s -> { });
        }

        assertEquals(0, actions.requeueDeadLetters(id));
        trail.expectOne(AuditActions.JOB_REQUEUE_DEAD, List.of(id.value()), AuditResult.DONE);
        assertEquals(false, actions.cancel(id), "the job was over already");
        trail.expectOne(AuditActions.JOB_CANCEL, List.of(id.value()), AuditResult.DONE);

        JobId unknown = JobId.of("no-such-job-" + UUID.randomUUID().toString().substring(0, 8));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> actions.pause(unknown));
        AuditEvent failed = trail.expectOne(AuditActions.JOB_PAUSE, List.of(unknown.value()), AuditResult.FAILED);
        assertEquals(none.getMessage(), failed.reason());
    }
}
