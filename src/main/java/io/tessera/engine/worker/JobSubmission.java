package io.tessera.engine.worker;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.Dispatcher;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobRecords;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.JobPlanning;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.LeftOut;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardPlan;
import io.tessera.engine.shard.ShardPlanner;
import java.io.IOException;
import java.time.Duration;
import io.tessera.engine.ops.DuplicateGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Launching a job: list the input folder, plan it into shards (committed in ZooKeeper), and submit each
 * shard's images in tasks through the {@link Dispatcher}, each task carrying the {@link JobRecipe}. Also the
 * dry run (what a job would take) and waiting for a job to settle.
 */
public final class JobSubmission {
    private final ClusterConnection connection;
    private final DispatchKeys keys;
    private final Dispatcher dispatcher;

    public JobSubmission(ClusterConnection connection, DispatchKeys keys, DispatchSettings settings) {
        this.connection = connection;
        this.keys = keys;
        this.dispatcher = new Dispatcher(connection.redis(), keys, settings);
    }

    public JobSubmission(ClusterConnection connection) {
        this(connection, DispatchKeys.DEFAULT, DispatchSettings.defaults());
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * What the job would take: images, bytes, shards and tasks, where its outputs would go, and what the listing of
     * the input left out with its reasons (hidden files, temporaries, files without an image extension).
     */
    public record Estimate(long images, long bytes, int shards, int tasks, String output, LeftOut leftOut) {}

    public Estimate estimate(JobRequest request) throws IOException {
        JobPlanning.Listing listing = JobPlanning.survey(connection, request.input());
        ShardPlan plan = ShardPlanner.plan(listing.imagesOrFail(request.input()), request.limits());
        return new Estimate(plan.images(), plan.bytes(), plan.shards().size(), tasks(request, plan).size(), request.recipe().output(),
                listing.leftOut());
    }

    /** Plans (the plan in ZooKeeper, whole or not at all) and submits; returns the stored job. */
    public JobSpec submit(JobRequest request) throws IOException {
        ShardPlan plan = plan(request);
        JobSpec job = PlanStore.of(connection).store(request.jobId(), request.input(), request.pipeline().specs(), request.limits(), plan);
        dispatcher.submit(request.jobId(), tasks(request, plan));
        return job;
    }

    /**
     * Plans and submits a job over the given images only (absolute paths below the request's input), e.g. the
     * failed images of an earlier job. An image that is gone by now is planned with size 0 and fails with its reason.
     */
    public JobSpec submitImages(JobRequest request, List<String> images) throws IOException {
        String root = request.recipe().input();
        List<ImageFile> listing = new ArrayList<>();
        for (String image : new java.util.TreeSet<>(images)) {
            if (!image.startsWith(root + "/")) {
                throw new IllegalArgumentException(image + " is not below the job's input " + root);
            }
            listing.add(new ImageFile(image.substring(root.length() + 1), sizeOf(image)));
        }
        if (listing.isEmpty()) {
            throw new IOException("no images to submit");
        }
        ShardPlan plan = ShardPlanner.plan(listing, request.limits());
        JobSpec job = PlanStore.of(connection).store(request.jobId(), request.input(), request.pipeline().specs(), request.limits(), plan);
        dispatcher.submit(request.jobId(), tasks(request, plan));
        return job;
    }

    private long sizeOf(String image) throws IOException {
        try {
            return connection.fileSystem().getFileStatus(new org.apache.hadoop.fs.Path(image)).getLen();
        } catch (java.io.FileNotFoundException gone) {
            return 0;
        }
    }

    private ShardPlan plan(JobRequest request) throws IOException {
        List<ImageFile> listing = JobPlanning.listFolder(connection, request.input());
        if (listing.isEmpty()) {
            throw new IOException("no images under " + request.input() + " (missing folder, or no files with image names)");
        }
        return ShardPlanner.plan(listing, request.limits());
    }

    private static List<Task> tasks(JobRequest request, ShardPlan plan) {
        String recipe = request.recipe().toJson();
        String root = request.recipe().input();
        List<Task> tasks = new ArrayList<>();
        for (ShardPlan.PlannedShard shard : plan.shards()) {
            List<String> paths = shard.images().stream().map(image -> root + "/" + image.path()).toList();
            tasks.addAll(Task.batches(request.jobId(), shard.index(), paths, request.batchSize(), recipe, request.priority()));
        }
        return tasks;
    }

    /**
     * The job's failed images with their reasons, oldest first, at most {@code limit}: from the job's own complete record
     * ({@link JobRecords}, read in pages), not the shared results stream, which is capped.
     */
    public List<ImageOutcome.Failed> failures(String jobId, int limit) {
        JobRecords records = new JobRecords(connection.redis(), keys);
        List<ImageOutcome.Failed> failures = new ArrayList<>();
        String after = null;
        if (limit <= 0) {
            return failures;
        }
        do {
            JobRecords.FailurePage page = records.failures(jobId, after, Math.min(1_000, limit - failures.size()));
            failures.addAll(page.failures());
            after = page.next();
        } while (after != null && failures.size() < limit);
        return failures;
    }

    /** Near-duplicate groups among the job's images, from the {@code dhash} of each, as the job recorded them ({@link JobRecords}). */
    public List<List<String>> duplicates(String jobId, int maxDistance) {
        return DuplicateGroups.of(new JobRecords(connection.redis(), keys).dhashes(jobId), maxDistance);
    }

    /**
     * Polls the job until every task is settled (or the job was cancelled), reporting each changed status.
     * Returns the last status; when {@code timeout} passes first, the status at that moment.
     */
    public JobStatus await(String jobId, Duration every, Duration timeout, Consumer<JobStatus> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobStatus last = null;
        while (true) {
            JobStatus now = dispatcher.status(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
            if (!now.equals(last)) {
                progress.accept(now);
                last = now;
            }
            if (now.settled() || now.state() == io.tessera.engine.dispatch.JobState.CANCELLED || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(every.toMillis());
        }
    }
}
