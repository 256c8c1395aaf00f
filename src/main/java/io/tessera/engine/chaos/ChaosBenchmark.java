package io.tessera.engine.chaos;

import io.tessera.engine.bench.BenchCleanUp;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.upload.ConflictPolicy;
import io.tessera.engine.upload.ConflictResolver;
import io.tessera.engine.upload.FileOutcome;
import io.tessera.engine.upload.UploadListener;
import io.tessera.engine.upload.UploadRequest;
import io.tessera.engine.upload.UploadSummary;
import io.tessera.engine.upload.Uploader;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code tessera bench chaos}: a job over worker processes while one of them, at random, is SIGKILLed every few
 * seconds and replaced, as machines of a cluster die and come back; before it, as the baseline, the same job on the
 * same workers with no kills. It measures images/s from submission to each job's end, and then audits both jobs
 * ({@link JobAudit}): every input must have exactly one outcome, and an output that decodes unless it failed. Runs
 * under its own key prefix, HDFS folder and plans, removed afterwards.
 */
public final class ChaosBenchmark {
    private static final Duration WORKERS_UP = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * One job over the uploaded images.
     *
     * @param seconds  from submission until every task settled (or the timeout)
     * @param kills    workers SIGKILLed while the job ran
     * @param finished whether the job finished within the timeout
     */
    public record Round(JobCounts counts, boolean finished, double seconds, int kills, JobAudit.Report audit) {
        public double imagesPerSecond() {
            return counts.images() / seconds;
        }

        /** Finished, with nothing lost, nothing twice and nothing else amiss (temporaries, strays, unrecorded inputs). */
        public boolean clean() {
            return finished && audit.clean();
        }
    }

    /**
     * @param calm           the baseline: the same job on the same workers with no kills, run first; null when skipped
     * @param workersStarted processes started in all: the first ones, replacements, and any for a worker that exited by itself
     */
    public record Result(Round calm, Round chaos, int workersStarted) {
        public long images() {
            return chaos.counts().images();
        }

        /** Inputs with neither an output that decodes nor a failure record, in either job. */
        public int lost() {
            return chaos.audit().lost().size() + (calm == null ? 0 : calm.audit().lost().size());
        }

        /** Inputs with more than one outcome (two events, two outputs, or an output and a failure), in either job. */
        public int duplicated() {
            return chaos.audit().duplicated().size() + (calm == null ? 0 : calm.audit().duplicated().size());
        }

        /** Images/s under chaos over images/s without it; NaN without a baseline. */
        public double ratio() {
            return calm == null ? Double.NaN : chaos.imagesPerSecond() / calm.imagesPerSecond();
        }

        public boolean clean() {
            return chaos.clean() && (calm == null || calm.clean());
        }
    }

    private ChaosBenchmark() {}

    /**
     * @param images local image files to upload as the jobs' input (name clashes are kept both)
     * @param log    progress lines: upload, workers up, each kill, each job's end
     */
    public static Result run(ClusterConnection connection, List<Path> images, ChaosOptions options, WorkerLauncher launcher,
                             Consumer<String> log) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String base = "/tessera-bench/chaos-" + run;
        DispatchKeys keys = new DispatchKeys("chaos-" + run + ":");
        int batch = Math.clamp(images.size() / (options.workers() * options.threads() * 8), 1, 10);
        JobRequest calmJob = new JobRequest("chaos-" + run + "-calm", base + "/in", base + "/out-calm", options.pipeline(), Priority.NORMAL,
                new ShardLimits(100, 0), batch);
        JobRequest chaosJob = new JobRequest("chaos-" + run, base + "/in", base + "/out", options.pipeline(), Priority.NORMAL,
                new ShardLimits(100, 0), batch);
        try {
            Outcome calm = null;
            Outcome chaos;
            int started;
            try (ChaosWorkers workers = new ChaosWorkers(launcher, new WorkerDirectory(ZkAccess.of(connection)), keys, options)) {
                for (int i = 0; i < options.workers(); i++) {
                    workers.start(); // they start while the images upload
                }
                int uploaded = upload(connection, images, base + "/in", log);
                awaitUp(workers, log);
                JobSubmission submission = new JobSubmission(connection, keys, DispatchSettings.defaults());
                if (options.baseline()) {
                    calm = runJob(submission, calmJob, workers, options, null, log);
                    log.accept(String.format("baseline job (no kills) %s in %.1f s", calm.status.state().name().toLowerCase(Locale.ROOT), calm.seconds));
                }
                chaos = runJob(submission, chaosJob, workers, options, new Random(options.seed()), log);
                log.accept(String.format("%.1f s  job %s; stopping the workers", chaos.seconds, chaos.status.state().name().toLowerCase(Locale.ROOT)));
                if (uploaded != chaos.status.counts().images()) {
                    throw new IllegalStateException("uploaded " + uploaded + " images but the job has " + chaos.status.counts().images());
                }
                started = workers.started();
            }
            log.accept("reading every output back");
            return new Result(calm == null ? null : calm.judged(connection, keys, calmJob), chaos.judged(connection, keys, chaosJob), started);
        } finally {
            BenchCleanUp.cluster(connection, base, List.of(calmJob.jobId(), chaosJob.jobId()), keys).ifPresent(log);
        }
    }

    private record Outcome(JobStatus status, double seconds, int kills) {
        Round judged(ClusterConnection connection, DispatchKeys keys, JobRequest job) throws IOException {
            return new Round(status.counts(), status.settled(), seconds, kills, JobAudit.of(connection, keys, job.jobId(), job.recipe()));
        }
    }

    /** Submits the job and waits until it settles; with {@code victims} (a random choice), kills a worker every so often meanwhile. */
    private static Outcome runJob(JobSubmission submission, JobRequest request, ChaosWorkers workers, ChaosOptions options, Random victims,
                                  Consumer<String> log) throws Exception {
        submission.submit(request);
        long submitted = System.nanoTime();
        long nextKill = submitted + options.killEvery().toNanos();
        int kills = 0;
        while (true) {
            JobStatus status = submission.dispatcher().status(request.jobId()).orElseThrow();
            long now = System.nanoTime();
            double seconds = (now - submitted) / 1e9;
            if (status.settled() || now - submitted > options.timeout().toNanos()) {
                return new Outcome(status, seconds, kills);
            }
            Optional<Process> crashed = workers.exitedByItself();
            if (crashed.isPresent()) {
                if (workers.started() > 3 * options.workers() + kills) {
                    throw new IOException("worker processes keep exiting by themselves (the last with code " + crashed.get().exitValue()
                            + "); see their logs");
                }
                log.accept(String.format("%5.1f s  worker pid %d exited by itself (code %d); starting another", seconds, crashed.get().pid(),
                        crashed.get().exitValue()));
                workers.start();
            } else if (victims != null && now >= nextKill && workers.allUp()) { // one down at a time: the next kill waits for the replacement
                Process victim = workers.killOne(victims);
                kills++;
                log.accept(String.format("%5.1f s  SIGKILL worker pid %d (%d of %d images settled); starting a replacement", seconds, victim.pid(),
                        status.counts().done() + status.counts().failed(), status.counts().images()));
                workers.start();
                nextKill = System.nanoTime() + options.killEvery().toNanos();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static int upload(ClusterConnection connection, List<Path> images, String folder, Consumer<String> log) throws Exception {
        UploadRequest request = UploadRequest.of(images, folder, ConflictPolicy.KEEP_BOTH, 8);
        UploadSummary summary = new Uploader(connection).start(request, UploadListener.NONE, ConflictResolver.SKIP_ALL).await();
        summary.outcomes().stream().filter(FileOutcome::isProblem).limit(5)
                .forEach(problem -> log.accept("not uploaded: " + problem.item().source() + ": " + problem.reason()));
        int uploaded = (int) summary.count(FileOutcome.Status.UPLOADED);
        if (uploaded == 0) {
            throw new IOException("no image could be uploaded to " + folder);
        }
        log.accept(String.format("uploaded %d images in %.1f s", uploaded, summary.elapsed().toMillis() / 1000.0));
        return uploaded;
    }

    private static void awaitUp(ChaosWorkers workers, Consumer<String> log) throws Exception {
        long began = System.nanoTime();
        while (!workers.allUp()) {
            if (workers.exitedByItself().isPresent()) {
                throw new IOException("a worker process exited while starting; see its log");
            }
            if (System.nanoTime() - began > WORKERS_UP.toNanos()) {
                throw new IOException("the workers did not register in ZooKeeper within " + WORKERS_UP.toMinutes() + " min");
            }
            Thread.sleep(POLL.toMillis());
        }
        log.accept(String.format("%d workers up", workers.started()));
    }
}
