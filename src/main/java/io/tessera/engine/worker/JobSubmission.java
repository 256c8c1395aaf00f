package io.tessera.engine.worker;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.Dispatcher;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobRecords;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.ShardTasks;
import io.tessera.engine.dispatch.SubmitListener;
import io.tessera.engine.security.TaskKey;
import io.tessera.engine.shard.CommittedPlan;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.JobPlanning;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.LeftOut;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardPlan;
import io.tessera.engine.shard.ShardPlanner;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.SubmitLock;
import io.tessera.engine.shard.TaskSpec;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.time.Duration;
import io.tessera.engine.ops.DuplicateGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Launching a job: list the input folder, plan it into shards (committed in ZooKeeper with how its shards become
 * tasks), and fill the job's queue through the {@link Dispatcher}, each task carrying the {@link JobRecipe}. A submit
 * is idempotent: the same request again (after a crash at any step, or {@link #resume}) reuses the stored plan and
 * adds only what Redis lacks. Also the dry run (what a job would take), a durable cancel, and waiting for a job to settle.
 */
public final class JobSubmission {
    /** How long a submit waits for another submit of the same job id to finish. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final ClusterConnection connection;
    private final DispatchKeys keys;
    private final DispatchSettings settings;
    private final Dispatcher dispatcher;
    private PlanStore plans;

    public JobSubmission(ClusterConnection connection, DispatchKeys keys, DispatchSettings settings) {
        this.connection = connection;
        this.keys = keys;
        this.settings = settings;
        this.dispatcher = new Dispatcher(connection.redis(), keys, settings, TaskKey.lazySigner(ZkAccess.of(connection)));
    }

    public JobSubmission(ClusterConnection connection) {
        this(connection, DispatchKeys.DEFAULT, DispatchSettings.defaults());
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The steps of a submit as they happen (a launcher's progress; tests stop a submit between two of them). */
    public interface Steps extends SubmitListener {
        Steps NONE = new Steps() {};

        /** The plan is committed in ZooKeeper: stored now ({@code stored}), or found from an earlier submit of the same job. */
        default void planReady(JobSpec job, boolean stored) {}
    }

    /**
     * What the job would take: images, bytes, shards and tasks, where its outputs would go, and what the listing of
     * the input left out with its reasons (hidden files, temporaries, files without an image extension).
     */
    public record Estimate(long images, long bytes, int shards, int tasks, String output, LeftOut leftOut) {}

    public Estimate estimate(JobRequest request) throws IOException {
        JobPlanning.Listing listing = JobPlanning.survey(connection, request.input());
        ShardPlan plan = ShardPlanner.plan(listing.imagesOrFail(request.input()), request.limits());
        TaskSpec tasks = taskSpec(request);
        int count = plan.shards().stream().mapToInt(shard -> tasks.tasksOf(shard.imageCount())).sum();
        return new Estimate(plan.images(), plan.bytes(), plan.shards().size(), count, request.recipe().output(), listing.leftOut());

    }

    /** Plans (the plan in ZooKeeper, whole or not at all) and dispatches; returns the stored job. See {@link #submit(JobRequest, Steps)}. */
    public JobSpec submit(JobRequest request) throws IOException {
        return submit(request, Steps.NONE);
    }

    /**
     * Plans and dispatches the job, or completes an earlier submit of it. Under the job's submit lock: when ZooKeeper
     * holds a committed plan for the id, that plan is used (the folder is not listed again) if it was made from the
     * same request, and refused with the differences otherwise; an uncommitted one (its planner died) is deleted and
     * the folder planned again. Then the job hash is created, or found from the same plan, and each shard's tasks that
     * never went on a stream are added (see {@link Dispatcher#fill}). A job cancelled earlier stays cancelled.
     *
     * @throws IllegalArgumentException when the id belongs to a job planned from a different request
     * @throws IllegalStateException    when Redis holds another job with this id
     */
    public JobSpec submit(JobRequest request, Steps steps) throws IOException {
        return dispatch(request, () -> plan(request), -1, steps);
    }

    /**
     * Plans and submits a job over the given images only (absolute paths below the request's input), e.g. the
     * failed images of an earlier job. An image that is gone by now is planned with size 0 and fails with its reason.
     * Idempotent like {@link #submit(JobRequest, Steps)}.
     */
    public JobSpec submitImages(JobRequest request, List<String> images) throws IOException {
        return submitImages(request, images, Steps.NONE);
    }

    public JobSpec submitImages(JobRequest request, List<String> images, Steps steps) throws IOException {
        String root = request.recipe().input();
        SortedSet<String> distinct = new TreeSet<>(images);
        for (String image : distinct) {
            if (!image.startsWith(root + "/")) {
                throw new IllegalArgumentException(image + " is not below the job's input " + root);
            }
        }
        if (distinct.isEmpty()) {
            throw new IOException("no images to submit");
        }
        return dispatch(request, () -> {
            List<ImageFile> listing = new ArrayList<>();
            for (String image : distinct) {
                listing.add(new ImageFile(image.substring(root.length() + 1), sizeOf(image)));
            }
            return ShardPlanner.plan(listing, request.limits());
        }, distinct.size(), steps);
    }

    /**
     * Completes job {@code jobId} as it was first submitted, from its stored plan alone (input, pipeline, output,
     * limits, priority and images per task): what a crashed {@code tessera submit} left undone is done.
     */
    public JobSpec resume(String jobId, Steps steps) throws IOException {
        JobSpec spec = plans().readJob(jobId).orElseThrow(() -> new IOException("job " + jobId
                + " has no complete plan in ZooKeeper: nothing to resume (submit it with its input and ops)"));
        TaskSpec tasks = spec.tasks();
        if (tasks == null) {
            throw new IOException("job " + jobId + " was planned without task settings (by `tessera plan`, or an older version): it cannot be resumed");
        }
        JobRecipe recipe = JobRecipe.fromJson(tasks.recipe());
        return submit(new JobRequest(jobId, spec.input(), recipe.output(), recipe.pipeline(), Priority.valueOf(tasks.priority()),
                spec.limits(), tasks.batch()), steps);
    }

    /**
     * Cancels a job durably: ZooKeeper records it first ({@code jobs/<id>/cancelled}), so a Redis that loses its flag
     * cannot bring the job back (the coordinator cancels it there again), then Redis tells the workers. False when the
     * job is over already.
     */
    public boolean cancel(String jobId) throws IOException {
        Optional<JobStatus> now = dispatcher.status(jobId);
        if (now.isPresent() && (now.get().state() == JobState.FINISHED || now.get().state() == JobState.CANCELLED)) {
            return false;
        }
        boolean planned = plans().isCommitted(jobId);
        if (planned) {
            plans().markCancelled(jobId, null);
        }
        if (now.isEmpty()) {
            if (!planned) {
                throw new IllegalArgumentException("no job " + jobId);
            }
            return true; // Redis lost it: the coordinator rebuilds it cancelled
        }
        return dispatcher.cancel(jobId);
    }

    /**
     * Pauses a job durably: ZooKeeper records it first ({@code jobs/<id>/paused}), so a Redis that loses its flag or the
     * whole job cannot set it running again (the coordinator pauses it there again, or rebuilds it paused), then Redis
     * tells the workers, who hold its tasks. False when the job is over or paused already.
     */
    public boolean pause(String jobId) throws IOException {
        Optional<JobStatus> now = dispatcher.status(jobId);
        if (now.isPresent() && (now.get().state() == JobState.FINISHED || now.get().state() == JobState.CANCELLED)) {
            return false;
        }
        boolean planned = plans().isCommitted(jobId);
        boolean recorded = planned && plans().markPaused(jobId);
        if (now.isEmpty()) {
            if (!planned) {
                throw new IllegalArgumentException("no job " + jobId);
            }
            return recorded; // Redis lost it: the coordinator rebuilds it paused
        }
        return dispatcher.pause(jobId) && (recorded || now.get().state() != JobState.PAUSED);
    }

    /**
     * Lets workers take a paused job's tasks again: ZooKeeper's record goes first, so that a coordinator comparing the
     * two stores never finds Redis running a job ZooKeeper still calls paused (it would pause it again). False when the
     * job was not paused.
     */
    public boolean resumePaused(String jobId) throws IOException {
        Optional<JobStatus> now = dispatcher.status(jobId);
        boolean recorded = plans().clearPaused(jobId);
        if (now.isEmpty()) {
            if (!plans().isCommitted(jobId)) {
                throw new IllegalArgumentException("no job " + jobId);
            }
            return recorded; // Redis lost it: the coordinator rebuilds it running
        }
        boolean paused = now.get().state() == JobState.PAUSED;
        return dispatcher.resume(jobId) && (recorded || paused);
    }

    @FunctionalInterface
    private interface Planner {
        ShardPlan plan() throws IOException;
    }

    /** A job's plan as a submit works from it: the spec, its shards, and where each shard's tasks come from. */
    private record PlannedJob(JobSpec spec, List<ShardRecord> shards, ShardTasks tasks) {}

    private JobSpec dispatch(JobRequest request, Planner planner, int images, Steps steps) throws IOException {
        String id = request.jobId();
        PlanStore plans = plans();
        TaskSpec wanted = taskSpec(request);
        try (SubmitLock lock = SubmitLock.take(ZkAccess.of(connection), id, LOCK_WAIT)) {
            Optional<CommittedPlan> stored = plans.read(id);
            PlannedJob job;
            if (stored.isPresent()) {
                List<String> differences = differences(stored.get().job(), request, wanted, images);
                if (!differences.isEmpty()) {
                    throw new IllegalArgumentException("job " + id + " exists with another plan (" + String.join("; ", differences)
                            + "): submit it as it was to complete it, or choose another id");
                }
                job = new PlannedJob(stored.get().job(), stored.get().shards(), PlannedTasks.stored(stored.get().job(), stored.get().shards(), plans));
            } else {
                if (plans.isUncommitted(id)) {
                    plans.delete(id); // abandoned by a submit that died while storing it: we hold the lock, nobody writes it now
                }
                job = store(plans, request, planner.plan(), wanted);
            }
            steps.planReady(job.spec(), stored.isEmpty());
            dispatcher.fill(PlannedTasks.layout(job.spec(), job.shards(), plans.isCancelled(id), plans.isPaused(id)), job.tasks(), steps);
            return job.spec();
        }
    }

    /** Stores a new plan; its tasks come from the plan in memory (no manifest read back). */
    private static PlannedJob store(PlanStore plans, JobRequest request, ShardPlan plan, TaskSpec tasks) throws IOException {
        JobSpec spec = plans.store(request.jobId(), request.input(), request.pipeline().specs(), request.limits(), plan, tasks);
        Map<Integer, ShardPlan.PlannedShard> byIndex = new HashMap<>();
        plan.shards().forEach(shard -> byIndex.put(shard.index(), shard));
        List<ShardRecord> shards = plan.shards().stream()
                .map(shard -> ShardRecord.planned(shard.index(), shard.imageCount(), shard.bytes(), null, null)).toList();
        return new PlannedJob(spec, shards, shard -> PlannedTasks.of(spec, shard, byIndex.get(shard).images()));
    }

    /** How the request's plan differs from the stored one, in words; empty when it is the same job. */
    private List<String> differences(JobSpec stored, JobRequest request, TaskSpec wanted, int images) {
        List<String> differences = new ArrayList<>();
        TaskSpec tasks = stored.tasks();
        if (tasks == null) {
            return List.of("it was planned without task settings, by `tessera plan` or an older version");
        }
        differ(differences, "input", stored.input(), request.input());
        differ(differences, "ops", stored.operations(), request.pipeline().specs());
        differ(differences, "shard limits", stored.limits(), request.limits());
        JobRecipe then = JobRecipe.fromJson(tasks.recipe());
        differ(differences, "output", then.output(), request.recipe().output());
        differ(differences, "format", then.pipeline().format().spec(), request.pipeline().format().spec());
        differ(differences, "priority", tasks.priority(), wanted.priority());
        differ(differences, "images per task", tasks.batch(), wanted.batch());
        differ(differences, "Redis key prefix", tasks.keyPrefix(), wanted.keyPrefix());
        if (images >= 0) {
            differ(differences, "images", stored.images(), (long) images);
        }
        return differences;
    }

    private static void differ(List<String> differences, String what, Object stored, Object asked) {
        if (!Objects.equals(stored, asked)) {
            differences.add(what + " " + stored + " then, " + asked + " now");
        }
    }

    private TaskSpec taskSpec(JobRequest request) {
        return new TaskSpec(keys.prefix(), request.recipe().toJson(), request.priority().name(), request.batchSize(), settings.finishedJobTtlSeconds());
    }

    private synchronized PlanStore plans() throws IOException {
        if (plans == null) {
            plans = PlanStore.of(connection);
        }
        return plans;
    }

    private long sizeOf(String image) throws IOException {
        try {
            return connection.fileSystem().getFileStatus(new org.apache.hadoop.fs.Path(image)).getLen();
        } catch (java.io.FileNotFoundException gone) {
            return 0;
        }
    }

    private ShardPlan plan(JobRequest request) throws IOException {
        return ShardPlanner.plan(JobPlanning.survey(connection, request.input()).imagesOrFail(request.input()), request.limits());
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
     * Returns the last status; when {@code timeout} passes first, the status at that moment. A lost connection to Redis (a
     * restart, a Sentinel failover) is waited out.
     */
    public JobStatus await(String jobId, Duration every, Duration timeout, Consumer<JobStatus> progress) throws InterruptedException {
        return await(jobId, latest -> every, timeout, progress);
    }

    /**
     * The same, looking again after {@code nextLook} of the latest status (null before the first answer): a watcher that
     * knows how long the job should take can look rarely while it runs and often near its end.
     */
    public JobStatus await(String jobId, Function<JobStatus, Duration> nextLook, Duration timeout, Consumer<JobStatus> progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobStatus last = null;
        while (true) {
            JobStatus now;
            try {
                now = dispatcher.status(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
            } catch (redis.clients.jedis.exceptions.JedisConnectionException lost) {
                // Redis restarting, or failing over to its replica: the job goes on without us; ask again until the deadline
                if (System.nanoTime() > deadline) {
                    throw lost;
                }
                Thread.sleep(nextLook.apply(last).toMillis());
                continue;
            }
            if (!now.equals(last)) {
                progress.accept(now);
                last = now;
            }
            if (now.settled() || now.state() == io.tessera.engine.dispatch.JobState.CANCELLED || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(nextLook.apply(now).toMillis());
        }
    }
}
