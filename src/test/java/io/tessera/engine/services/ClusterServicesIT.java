package io.tessera.engine.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.actions.ReadOnlyException;
import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobId;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.RecordingTrail;
import io.tessera.testing.SharedCluster;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A profile marked read-only: every action service of its {@link ClusterServices} refuses with the same reason and
 * records a DENIED event, nothing reaches the servers, and reads go on.
 */
class ClusterServicesIT {
    private static final String REASON = "profile '" + SharedCluster.target().profileName() + "' is read-only: no changes can be made through it";

    @Test
    void aReadOnlyProfileRefusesEveryWriteInEveryService() throws Exception {
        RecordingTrail trail = new RecordingTrail();
        try (ClusterServices viewer = new ClusterServices(new ClusterConnection(SharedCluster.target().withReadOnly(true)), trail)) {
            assertFalse(viewer.access().allowed());
            assertEquals(REASON, viewer.access().reason());

            String folder = "/test/read-only-" + UUID.randomUUID();
            assertEquals(REASON, assertThrows(ReadOnlyException.class, () -> viewer.files(null).mkdir(folder)).getMessage());
            trail.expectOne(AuditActions.FILE_NEW_FOLDER, List.of(folder), AuditResult.DENIED);

            DispatchKeys keys = new DispatchKeys("readonly-" + UUID.randomUUID().toString().substring(0, 8) + ":");
            JobId job = JobId.of("never-" + UUID.randomUUID().toString().substring(0, 8));
            JobRequest request = new JobRequest(job, "/test", null, Pipeline.parse(List.of("grayscale"), null), Priority.NORMAL, ShardLimits.DEFAULT, 5);
            assertThrows(ReadOnlyException.class, () -> viewer.jobs(keys, DispatchSettings.defaults()).submit(request, JobSubmission.Steps.NONE));
            trail.expectOne(AuditActions.JOB_SUBMIT, List.of(job.value(), "/test"), AuditResult.DENIED);
            assertThrows(ReadOnlyException.class, () -> viewer.jobs(keys, DispatchSettings.defaults()).cancel(job));
            trail.expectOne(AuditActions.JOB_CANCEL, List.of(job.value()), AuditResult.DENIED);
            assertTrue(viewer.jobQueries(keys, DispatchSettings.defaults()).status(job.value()).isEmpty(), "nothing reached Redis");

            String node = viewer.znodes().rootPath() + "/read-only-" + UUID.randomUUID();
            assertThrows(ReadOnlyException.class, () -> viewer.znodeActions().create(node, new byte[0]));
            trail.expectOne(AuditActions.ZNODE_CREATE, List.of(node), AuditResult.DENIED);

            assertThrows(ReadOnlyException.class, () -> viewer.workerActions().drain("some-worker-1-abcd"));
            trail.expectOne(AuditActions.WORKER_DRAIN, List.of("some-worker-1-abcd"), AuditResult.DENIED);
            assertThrows(ReadOnlyException.class, () -> viewer.startWorker(WorkerOptions.defaults(1)));

            assertFalse(viewer.hdfs().exists(folder), "no folder was made");
            assertTrue(viewer.hdfs().exists("/"), "reads go on");
        }
    }
}
