package io.tessera.console.jobs;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.PerConnection;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DeadLetter;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Dispatcher;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobCatalog;
import io.tessera.engine.dispatch.JobRecords;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.shard.CommittedPlan;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.worker.JobIds;
import io.tessera.engine.worker.JobRecipe;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/** The engine objects the Jobs panel works with, for one connection. Made and used off the UI thread. */
public final class JobsBackend {
    private final ClusterConnection connection;
    private final JobSubmission submission;
    private final JobCatalog catalog;
    private final JobRecords records;
    private PlanStore plans;

    public JobsBackend(ClusterConnection connection, DispatchKeys keys) {
        this.connection = connection;
        this.submission = new JobSubmission(connection, keys, DispatchSettings.defaults());
        this.catalog = new JobCatalog(connection.redis(), keys);
        this.records = new JobRecords(connection.redis(), keys);
    }

    public JobSubmission submission() {
        return submission;
    }

    public Dispatcher dispatcher() {
        return submission.dispatcher();
    }

    public List<JobStatus> newest(int limit) {
        return catalog.newest(limit);
    }

    private synchronized PlanStore plans() throws IOException {
        if (plans == null) {
            plans = PlanStore.of(connection);
        }
        return plans;
    }

    /**
     * What the detail view shows beside the counters: the job's shards, its first failed images (of {@code failureCount}
     * recorded: every one is kept, see {@link JobRecords}) and its dead letters.
     */
    public record Detail(List<ShardRecord> shards, List<ImageOutcome.Failed> failures, long failureCount, List<DeadLetter> deadLetters) {}

    public Detail detail(String jobId, int failureLimit) throws IOException {
        List<ShardRecord> shards = plans().read(jobId).map(CommittedPlan::shards).orElse(List.of());
        return new Detail(shards, submission.failures(jobId, failureLimit), records.failureCount(jobId), dispatcher().deadLetters(jobId));
    }

    /**
     * A new job over every failed image of {@code jobId}, with its pipeline, priority and shard limits, writing into
     * its output folder (the images that worked keep their outputs; the retried ones join them). Returns the new job.
     */
    public JobSpec retryFailed(String jobId, Clock clock) throws IOException {
        List<String> failed = submission.failures(jobId, Integer.MAX_VALUE).stream().map(ImageOutcome.Failed::input).distinct().toList();
        if (failed.isEmpty()) {
            throw new IOException("job " + jobId + " has no failed images to retry");
        }
        JobCatalog.Launch launch = catalog.launch(jobId)
                .orElseThrow(() -> new IOException("job " + jobId + " was launched without its recipe on record; launch it again"));
        JobRecipe recipe = JobRecipe.fromJson(launch.recipe());
        JobSpec original = plans().readJob(jobId).orElseThrow(() -> new IOException("job " + jobId + " has no plan in ZooKeeper any more"));
        String id = JobIds.next("retry", clock);
        JobRequest request = new JobRequest(id, recipe.input(), recipe.output(), recipe.pipeline(), launch.priority(), original.limits(),
                Math.max(1, Math.min(20, failed.size())));
        return submission.submitImages(request, failed);
    }

    /** The backend of the active profile's connection, made again when the connection changes. */
    public static Source of(ActiveConnection active, DispatchKeys keys) {
        return new PerConnection<>(active, connection -> new JobsBackend(connection, keys))::get;
    }

    @FunctionalInterface
    public interface Source {
        JobsBackend get() throws Exception;
    }
}
