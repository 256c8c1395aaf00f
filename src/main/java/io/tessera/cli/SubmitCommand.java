package io.tessera.cli;

import io.tessera.engine.audit.AuditOrigin;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobId;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.worker.JobIds;
import io.tessera.engine.worker.JobRecipe;
import io.tessera.engine.worker.JobActions;
import io.tessera.engine.worker.JobQueries;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera submit`: plans an HDFS folder and dispatches a pipeline over it. With {@code --wait} it prints
 * progress until the job settles and exits 1 when any image failed or the job was cancelled; {@code --dry-run}
 * only says what the job would take. Submitting a {@code --job} id again with the same options completes an
 * earlier submit that died half-way; {@code --resume ID} does the same from the job's stored plan alone.
 */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Run an image pipeline over an HDFS folder on the workers.")
final class SubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, defaultValue = ConnectionProfile.LOCAL_NAME, description = "Profile name (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--input", description = "HDFS folder with the images (absolute).")
    String input;

    @Option(names = "--op", description = "An op, in order, e.g. thumbnail:256, resize:w=800, grayscale, blur:2.5, "
            + "rotate:90, crop:x=0,y=0,w=100,h=100, dhash, stats, format:png.")
    List<String> ops;

    @Option(names = "--format", description = "Output format: jpeg[,q=0.85], png[,level=6], webp[,q=0.85], tiff, bmp or gif (default: jpeg).")
    String format;

    @Option(names = "--output", description = "Output folder (default: <input>/../_derived/<job>/<op-chain>).")
    String output;

    @Option(names = "--job", converter = JobIdConverter.class, description = "Job id (default: <op>-<date>-<time>-<4 hex>): 1-120 letters, "
            + "digits, '.', '_' or '-'. An id submitted before with the same options completes that submit (nothing is added twice).")
    JobId jobId;

    @Option(names = "--resume", paramLabel = "ID", converter = JobIdConverter.class, description = "Complete job ID as it was first submitted "
            + "(input, ops, output, priority and batch from its plan in ZooKeeper), e.g. after the submit was killed.")
    JobId resume;

    @Option(names = "--priority", defaultValue = "normal", description = "high or normal (default: ${DEFAULT-VALUE}).")
    String priority;

    @Option(names = "--shard-images", defaultValue = "1000", description = "At most this many images per shard (default: ${DEFAULT-VALUE}).")
    int shardImages;

    @Option(names = "--batch", defaultValue = "20", description = "Images per task (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--wait", description = "Print progress until the job is over; exit 1 if any image failed.")
    boolean await;

    @Option(names = "--timeout-minutes", defaultValue = "1440", description = "With --wait, give up waiting after this long (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--duplicates", description = "With --wait and a dhash op: print near-duplicate groups within this many bits (e.g. 6).")
    Integer duplicateBits;

    @Option(names = "--dry-run", description = "Only count images, bytes, shards and tasks.")
    boolean dryRun;

    @Option(names = "--keep-days", defaultValue = "7", description = "Keep the job's state in Redis this many days after it finished; 0: forever (default: ${DEFAULT-VALUE}).")
    int keepDays;

    @Option(names = "--key-prefix", hidden = true, defaultValue = "tessera:", description = "Redis key prefix (separates installations sharing one Redis).")
    String keyPrefix;

    @Override
    public Integer call() throws Exception {
        JobRequest request = resume == null ? request() : null;
        if (resume != null && (input != null || ops != null || dryRun)) {
            throw new ReadableErrors.UserError("--resume takes the job's input and ops from its plan: leave out --input, --op and --dry-run", 2);
        }
        if (keepDays < 0 || keepDays > 3650) {
            throw new ReadableErrors.UserError("--keep-days must be between 0 (forever) and 3650, not " + keepDays, 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterServices services = ClusterServices.open(ProfileTargets.resolve(profileName), AuditOrigin.of("cli"))) {
            DispatchKeys keys = new DispatchKeys(keyPrefix);
            DispatchSettings settings = DispatchSettings.defaults().withFinishedJobTtl(java.time.Duration.ofDays(keepDays));
            JobQueries queries = services.jobQueries(keys, settings);
            if (dryRun) {
                JobSubmission.Estimate e = queries.estimate(request);
                out.printf("dry run of %s: %,d images, %,d bytes, %,d shards, %,d tasks; outputs to %s%n",
                        request.pipeline(), e.images(), e.bytes(), e.shards(), e.tasks(), e.output());
                e.leftOut().phrases().forEach(phrase -> out.println("  " + phrase));
                return 0;
            }
            JobActions actions = services.jobs(keys, settings);
            Steps steps = new Steps();
            JobSpec job;
            try {
                job = resume != null ? actions.completeSubmit(resume, steps) : actions.submit(request, steps);
            } catch (IllegalArgumentException | IllegalStateException conflict) {
                throw new ReadableErrors.UserError(conflict.getMessage(), 2);
            }
            out.printf("job %s: %,d images in %,d shards, %s; outputs to %s%n", job.id(), job.images(), job.shards(), String.join(" ", job.operations()),
                    JobRecipe.fromJson(job.tasks().recipe()).output());
            if (!steps.planStored) {
                out.printf("job %s was submitted before: its plan is reused, and %,d of its tasks that had not reached the queue are queued now%n",
                        job.id(), steps.added);
            }
            out.flush();
            return await ? follow(queries, job.id(), out) : 0;
        }
    }

    /** Whether the plan was stored now or found from an earlier submit, and how many tasks this submit added. */
    private static final class Steps implements JobSubmission.Steps {
        boolean planStored;
        long added;

        @Override
        public void planReady(JobSpec job, boolean stored) {
            planStored = stored;
        }

        @Override
        public void tasksAdded(String jobId, int count, long queued, long all) {
            added += count;
        }
    }

    private JobRequest request() {
        if (input == null || ops == null || ops.isEmpty()) {
            throw new ReadableErrors.UserError("give --input and at least one --op (or --resume ID to complete an earlier job)", 2);
        }
        try {
            Pipeline pipeline = Pipeline.parse(ops, format);
            Priority level = switch (priority.toLowerCase(Locale.ROOT)) {
                case "high" -> Priority.HIGH;
                case "normal" -> Priority.NORMAL;
                default -> throw new IllegalArgumentException("--priority is high or normal, not '" + priority + "'");
            };
            JobId id = jobId != null ? jobId : JobId.of(JobIds.forPipeline(pipeline, Clock.systemDefaultZone())); // as the console names jobs
            return new JobRequest(id, input, output, pipeline, level, new ShardLimits(shardImages, 0), batch);
        } catch (IllegalArgumentException bad) { // OpSpecException included: a usage error either way
            throw new ReadableErrors.UserError(bad.getMessage(), 2);
        }
    }

    private int follow(JobQueries submission, String job, PrintWriter out) throws InterruptedException {
        JobStatus last = submission.await(job, Duration.ofMillis(500), Duration.ofMinutes(timeoutMinutes), status -> {
            JobCounts c = status.counts();
            out.printf("%s %s: %,d done, %,d failed of %,d images (%,d of %,d tasks settled)%n",
                    job, status.state().name().toLowerCase(Locale.ROOT), c.done(), c.failed(), c.images(), c.settled(), c.tasks());
            out.flush();
        });
        JobCounts c = last.counts();
        for (ImageOutcome.Failed failure : submission.failures(job, 20)) {
            out.println("  failed " + failure.input() + ": " + failure.reason());
        }
        if (duplicateBits != null) {
            List<List<String>> groups = submission.duplicates(job, duplicateBits);
            out.println(groups.size() + " near-duplicate group(s) within " + duplicateBits + " bits");
            groups.forEach(group -> out.println("  " + String.join("  ", group)));
        }
        if (last.state() == JobState.CANCELLED) {
            out.println(job + " was cancelled");
            return 1;
        }
        if (!last.settled()) {
            out.println(job + " is still running; stopped waiting after " + timeoutMinutes + " min");
            return 1;
        }
        out.printf("%s finished: %,d done, %,d failed, %,d tasks dead-lettered%n", job, c.done(), c.failed(), c.dead());
        return c.failed() > 0 || c.dead() > 0 ? 1 : 0;
    }
}
