package io.tessera.engine.sim.scale;

import io.tessera.engine.chaos.JobAudit;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventReplay;
import io.tessera.engine.events.EventType;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured job: the servers sampled, the job submitted and followed until it settles, the servers sampled again; then
 * its IMAGE_DONE times read from the results stream (only what came after the job was submitted), optionally every output
 * read back and decoded ({@link JobAudit}), and its outputs and plan removed so HDFS and ZooKeeper do not grow over the run.
 */
final class ScaleJob {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int EVENT_PAGE = 10_000;

    /** One job's figures; {@code audit} is null when outputs were not read back. */
    record Run(String op, int hosts, int round, Throughput throughput, long failed, JobLoad load, JobAudit.Report audit) {}

    private ScaleJob() {}

    static Run run(ClusterConnection connection, JobSubmission submission, DispatchKeys keys, JobRequest request, int hosts, int round,
                   LoadProbe probe, Duration timeout, boolean audit) throws IOException, InterruptedException {
        EventReplay replay = new EventReplay(connection.redis(), keys.events());
        String before = replay.latestId().orElse(null);
        LoadSample start = probe.take();
        long began = System.nanoTime();
        submission.submit(request);
        JobStatus status;
        while (true) {
            status = submission.dispatcher().status(request.jobId()).orElseThrow(() -> new IOException("job " + request.jobId() + " vanished from Redis"));
            if (status.settled()) {
                break;
            }
            if (System.nanoTime() - began > timeout.toNanos()) {
                throw new IOException("job " + request.jobId() + " on " + hosts + " hosts did not finish within " + timeout.toMinutes() + " min: "
                        + status.counts());
            }
            Thread.sleep(POLL.toMillis());
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        LoadSample end = probe.take();
        List<Long> done = doneTimes(replay, before, request.jobId());
        long images = status.counts().images();
        JobAudit.Report report = audit ? JobAudit.of(connection, keys, request.jobId(), request.recipe()) : null;
        connection.fileSystem().delete(new org.apache.hadoop.fs.Path(request.output()), true);
        PlanStore.of(connection).delete(request.jobId());
        return new Run(String.join(" | ", request.pipeline().specs()), hosts, round, Throughput.of(images, seconds, done), status.counts().failed(),
                JobLoad.between(start, end, images), report);
    }

    private static List<Long> doneTimes(EventReplay replay, String after, String job) {
        List<Long> times = new ArrayList<>();
        String last = after;
        while (true) {
            List<Event> page = replay.after(last, EVENT_PAGE);
            for (Event event : page) {
                if (event.type() == EventType.IMAGE_DONE && job.equals(event.job())) {
                    times.add(event.time());
                }
            }
            if (page.size() < EVENT_PAGE) {
                return times;
            }
            last = page.getLast().id();
        }
    }
}
