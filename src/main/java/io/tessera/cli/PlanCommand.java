package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.JobPlanning;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.zk.ZkAccess;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera plan`: plans the images of an HDFS folder into shards in ZooKeeper, as a committed job. With
 * {@code --synthetic N} an empty or missing folder is planned from a made-up listing of N images, and
 * {@code --simulate-workers N} then walks the shards through QUEUED, RUNNING and DONE (a few FAILED) as
 * N pretend workers would: a demo job for the console's shard map.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Plan an HDFS folder's images into shards (a committed job in ZooKeeper).")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, defaultValue = ConnectionProfile.LOCAL_NAME, description = "Profile name (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--input", required = true, description = "HDFS folder with the images.")
    String input;

    @Option(names = "--job", description = "Job id (default: demo-<date-time>).")
    String jobId;

    @Option(names = "--max-images", defaultValue = "1000", description = "At most this many images per shard, 0 for no limit (default: ${DEFAULT-VALUE}).")
    int maxImages;

    @Option(names = "--max-mb", defaultValue = "256", description = "At most this many MB per shard, 0 for no limit (default: ${DEFAULT-VALUE}).")
    long maxMegabytes;

    @Option(names = "--synthetic", defaultValue = "0", description = "When the folder holds no images, plan this many made-up ones.")
    int synthetic;

    @Option(names = "--simulate-workers", defaultValue = "0", description = "Afterwards, let this many pretend workers run the shards.")
    int simulatedWorkers;

    @Option(names = "--step-ms", defaultValue = "200", description = "How long a pretend worker spends on a shard (default: ${DEFAULT-VALUE}).")
    int stepMillis;

    @Override
    public Integer call() throws Exception {
        AppDirectories dirs = AppDirectories.fromEnvironment();
        ConnectionProfile profile = ProfileStore.inDirectories(dirs).find(profileName)
                .orElseThrow(() -> new ReadableErrors.UserError("no profile named '" + profileName + "' (see `tessera profile list`)", 1));
        ProfileTargets.refuseWrites(profile);
        String id = jobId != null ? jobId : "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterConnection connection = new ClusterConnection(ProfileTargets.resolve(profile))) {
            List<ImageFile> listing = JobPlanning.listFolder(connection, input);
            if (listing.isEmpty() && synthetic > 0) {
                out.println(input + " holds no images; planning " + synthetic + " made-up ones");
                listing = JobPlanning.synthetic(synthetic, id.hashCode());
            }
            JobSpec job = JobPlanning.store(connection, id, input, List.of("thumbnail"), new ShardLimits(maxImages, maxMegabytes << 20), listing);
            out.printf("job %s: %,d images, %,d MB, %,d shards%n", job.id(), job.images(), job.bytes() >> 20, job.shards());
            out.flush();
            if (simulatedWorkers > 0) {
                simulate(new ShardStore(ZkAccess.of(connection)), job, out);
            }
        }
        return 0;
    }

    private void simulate(ShardStore shards, JobSpec job, PrintWriter out) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[simulatedWorkers];
        for (int w = 0; w < workers.length; w++) {
            String workerId = "demo-worker-" + (w + 1);
            Random random = new Random(w);
            workers[w] = Thread.ofPlatform().name(workerId).start(() -> {
                try {
                    for (int index = next.getAndIncrement(); index < job.shards(); index = next.getAndIncrement()) {
                        runShard(shards, job.id(), index, workerId, random);
                    }
                } catch (Exception e) {
                    out.println(workerId + " stopped: " + e.getMessage());
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        out.println("the pretend workers ran all " + job.shards() + " shards");
        out.flush();
    }

    private void runShard(ShardStore shards, String jobId, int index, String workerId, Random random) throws Exception {
        shards.queue(jobId, index, workerId);
        Thread.sleep(stepMillis / 2);
        if (shards.claim(jobId, index, workerId).isEmpty()) {
            return;
        }
        Thread.sleep(stepMillis);
        boolean fails = random.nextInt(100) < 3;
        shards.finish(jobId, index, workerId, fails ? ShardState.FAILED : ShardState.DONE, fails ? "demo: a made-up failure" : null);
    }
}
