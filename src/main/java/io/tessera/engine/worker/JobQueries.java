package io.tessera.engine.worker;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DeadLetter;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobCatalog;
import io.tessera.engine.dispatch.JobRecords;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.QueueDepth;
import io.tessera.engine.shard.CommittedPlan;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the console and the CLI read about jobs, without changing anything: the newest jobs, a job's status, detail
 * (shards, failed images, dead letters), a dry run, near-duplicates, and waiting for a job to settle. The changes are
 * {@link JobActions}'.
 */
public final class JobQueries {
    private final ClusterConnection connection;
    private final JobSubmission submission;
    private final JobCatalog catalog;
    private final JobRecords records;
    private PlanStore plans;

    public JobQueries(ClusterConnection connection, DispatchKeys keys, DispatchSettings settings) {
        this.connection = connection;
        this.submission = new JobSubmission(connection, keys, settings);
        this.catalog = new JobCatalog(connection.redis(), keys);
        this.records = new JobRecords(connection.redis(), keys);
    }

    /** The newest jobs first, at most {@code limit}. */
    public List<JobStatus> newest(int limit) {
        return catalog.newest(limit);
    }

    public Optional<JobStatus> status(String jobId) {
        return submission.dispatcher().status(jobId);
    }

    /**
     * What a detail view shows beside the counters: the job's shards, its first failed images (of {@code failureCount}
     * recorded: every one is kept, see {@link JobRecords}) and its dead letters.
     */
    public record Detail(List<ShardRecord> shards, List<ImageOutcome.Failed> failures, long failureCount, List<DeadLetter> deadLetters) {}

    public Detail detail(String jobId, int failureLimit) throws IOException {
        List<ShardRecord> shards = plans().read(jobId).map(CommittedPlan::shards).orElse(List.of());
        return new Detail(shards, submission.failures(jobId, failureLimit), records.failureCount(jobId), submission.dispatcher().deadLetters(jobId));
    }

    /** What the job would take (a dry run; nothing is stored). */
    public JobSubmission.Estimate estimate(JobRequest request) throws IOException {
        return submission.estimate(request);
    }

    public List<ImageOutcome.Failed> failures(String jobId, int limit) {
        return submission.failures(jobId, limit);
    }

    public List<List<String>> duplicates(String jobId, int maxDistance) {
        return submission.duplicates(jobId, maxDistance);
    }

    public JobStatus await(String jobId, Duration every, Duration timeout, Consumer<JobStatus> progress) throws InterruptedException {
        return submission.await(jobId, every, timeout, progress);
    }

    public QueueDepth depth() {
        return submission.dispatcher().depth();
    }

    private synchronized PlanStore plans() throws IOException {
        if (plans == null) {
            plans = PlanStore.of(connection);
        }
        return plans;
    }
}
