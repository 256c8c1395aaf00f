package io.tessera.engine.worker;

import io.tessera.engine.actions.ActionGate;
import io.tessera.engine.actions.ReadOnlyException;
import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobCatalog;
import io.tessera.engine.dispatch.JobId;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.PlanStore;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every operator action on jobs, for the console and the CLI alike: submit (or complete an earlier submit), cancel,
 * pause, resume, retry the failed images, requeue dead letters. Each goes through the {@link ActionGate}: refused on a
 * read-only profile, and recorded once in the audit trail with the job id and its parameters.
 */
public final class JobActions {
    private final ClusterConnection connection;
    private final JobSubmission submission;
    private final JobCatalog catalog;
    private final ActionGate gate;
    private final Clock clock;
    private PlanStore plans;

    public JobActions(ClusterConnection connection, DispatchKeys keys, DispatchSettings settings, ActionGate gate, Clock clock) {
        this.connection = connection;
        this.submission = new JobSubmission(connection, keys, settings);
        this.catalog = new JobCatalog(connection.redis(), keys);
        this.gate = gate;
        this.clock = clock;
    }

    /** Plans and dispatches a job, or completes an earlier submit of the same request (see {@link JobSubmission#submit}). */
    public JobSpec submit(JobRequest request, JobSubmission.Steps steps) throws IOException {
        return gate.write(AuditActions.JOB_SUBMIT, List.of(request.jobId(), request.input()), parameters(request),
                () -> submission.submit(request, steps));
    }

    /** Completes a job as it was first submitted, from its stored plan alone (see {@link JobSubmission#resume}). */
    public JobSpec completeSubmit(JobId job, JobSubmission.Steps steps) throws IOException {
        return gate.write(AuditActions.JOB_SUBMIT, List.of(job.value()), Map.of("from", "stored plan"),
                () -> submission.resume(job.value(), steps));
    }

    /** Cancels durably (ZooKeeper first, then Redis); false when the job was over already. */
    public boolean cancel(JobId job) throws IOException {
        return gate.write(AuditActions.JOB_CANCEL, List.of(job.value()), Map.of(), () -> submission.cancel(job.value()));
    }

    /** Workers hold the job's tasks, durably (see {@link JobSubmission#pause}); false when over, or paused already. */
    public boolean pause(JobId job) throws IOException {
        return gate.write(AuditActions.JOB_PAUSE, List.of(job.value()), Map.of(), () -> submission.pause(job.value()));
    }

    /** Workers take the job's tasks again; false when it was not paused. */
    public boolean resume(JobId job) throws IOException {
        return gate.write(AuditActions.JOB_RESUME, List.of(job.value()), Map.of(), () -> submission.resumePaused(job.value()));
    }

    /** Puts the job's dead letters back on their streams with a fresh attempt count; returns how many. */
    public int requeueDeadLetters(JobId job) throws ReadOnlyException {
        return gate.write(AuditActions.JOB_REQUEUE_DEAD, List.of(job.value()), Map.of(), () -> submission.dispatcher().requeueDeadLetters(job.value()));
    }

    /**
     * A new job ({@code retry-…}) over every failed image of {@code job}, with its pipeline, priority and shard limits,
     * writing into its output folder (the images that worked keep their outputs; the retried ones join them). Returns
     * the new job; the record names both jobs.
     */
    public JobSpec retryFailed(JobId job) throws IOException {
        JobId retry = JobId.of(JobIds.next("retry", clock));
        return gate.write(AuditActions.JOB_RETRY_FAILED, List.of(job.value(), retry.value()), Map.of(), () -> {
            List<String> failed = submission.failures(job.value(), Integer.MAX_VALUE).stream().map(ImageOutcome.Failed::input).distinct().toList();
            if (failed.isEmpty()) {
                throw new IOException("job " + job + " has no failed images to retry");
            }
            JobCatalog.Launch launch = catalog.launch(job.value())
                    .orElseThrow(() -> new IOException("job " + job + " was launched without its recipe on record; launch it again"));
            JobRecipe recipe = JobRecipe.fromJson(launch.recipe());
            JobSpec original = plans().readJob(job.value()).orElseThrow(() -> new IOException("job " + job + " has no plan in ZooKeeper any more"));
            JobRequest request = new JobRequest(retry, recipe.input(), recipe.output(), recipe.pipeline(), launch.priority(), original.limits(),
                    Math.max(1, Math.min(20, failed.size())));
            return submission.submitImages(request, failed);
        });
    }

    private synchronized PlanStore plans() throws IOException {
        if (plans == null) {
            plans = PlanStore.of(connection);
        }
        return plans;
    }

    private static Map<String, String> parameters(JobRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("pipeline", request.pipeline().toString());
        parameters.put("output", request.recipe().output());
        parameters.put("priority", request.priority().name().toLowerCase(java.util.Locale.ROOT));
        parameters.put("images per task", Integer.toString(request.batchSize()));
        parameters.put("images per shard", Integer.toString(request.limits().maxImages()));
        return parameters;
    }
}
