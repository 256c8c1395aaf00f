package io.tessera.engine.worker;

import io.tessera.engine.bench.BenchCleanUp;
import io.tessera.engine.bench.BenchSet;
import io.tessera.engine.bench.CpuClock;
import io.tessera.engine.bench.ParallelPass;
import io.tessera.engine.bench.VipsThumbnail;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobBenchmark.Contender;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileSystem;

/**
 * How each contender of a {@link JobBenchmark} runs over a set, with its warm-up, the sets' upload and the clean-up.
 * Outputs (the jobs' in HDFS, vipsthumbnail's in the scratch folder) stay until the end of the run: deleting thousands
 * of files between rounds made the next round's new files slower to create (ext4 looks through recently deleted inodes
 * when it allocates one; the DataNode makes two files per output) and put the DataNode's deletions into that round.
 */
final class BenchContenders {
    private static final String WARM_UP = "warm-up";
    private static final String WARM_UP_SMALL = "warm-up-small";
    /** The longest side of the small warm-up copies: decoded in well under a millisecond, so storage and dispatch dominate. */
    private static final int SMALL_SIDE = 64;
    /** Threads uploading the small copies (each file is a few NameNode calls, so they wait rather than compute). */
    private static final int UPLOADERS = 4;

    private final ClusterConnection connection;
    private final DispatchKeys keys;
    private final WorkerOptions workerOptions;
    private final JobBenchmark.Options options;
    private final Optional<VipsThumbnail> vips;
    private final Path scratch;
    private final String base;
    private final List<String> jobs = new ArrayList<>();

    BenchContenders(ClusterConnection connection, DispatchKeys keys, WorkerOptions workerOptions, JobBenchmark.Options options,
                    Optional<VipsThumbnail> vips, Path scratch, String base) {
        this.connection = connection;
        this.keys = keys;
        this.workerOptions = workerOptions;
        this.options = options;
        this.vips = vips;
        this.scratch = scratch;
        this.base = base;
    }

    String inputOf(BenchSet set) {
        return base + "/in/" + set.name();
    }

    /** A timed pass of one contender over a set: images/s; its CPU goes to the set's figures. */
    double measure(Contender contender, BenchSetRun set, Worker worker, int round) throws Exception {
        CpuClock.Reading before = CpuClock.now();
        StageTimes stagesBefore = worker.stageTimes().copy();
        StageTimes directBefore = set.direct.copy();
        worker.stageTimes().restartSpan();
        long start = System.nanoTime();
        int images = switch (contender) {
            case VIPS -> vips(set.repeated(set.set.files()));
            case DIRECT -> {
                ParallelPass.imagesPerSecond(set.repeated(set.images), options.threads(), image -> set.processor.process(image, options.pipeline()));
                yield set.images.size() * set.repeat;
            }
            case REFERENCE -> {
                ParallelPass.imagesPerSecond(set.images, options.threads(), image -> set.reference.process(image, options.pipeline()));
                yield set.images.size();
            }
            case JOB -> job(set, set.set.name() + "-" + round);
        };
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        set.spent(contender, CpuClock.now().since(before), images);
        if (contender == Contender.DIRECT) {
            set.directRounds.addAll(set.direct.minus(directBefore));
            set.directSeconds += seconds;
        }
        if (contender == Contender.JOB) {
            set.job.addAll(worker.stageTimes().minus(stagesBefore));
            set.jobSeconds += seconds;
            worker.stageTimes().span().ifPresent(span -> {
                set.startSeconds += (span.firstStartNanos() - start) / 1e9;
                set.tailSeconds += (end - span.lastEndNanos()) / 1e9;
            });
        }
        return images / seconds;
    }

    /**
     * Untimed: a job of {@code warmUpSmallImages} small copies, one of {@code warmUpImages} (the sets' files over and
     * over), each set once through the native processor, a few images through the old Java path and vipsthumbnail.
     */
    void warmUp(List<BenchSetRun> sets) throws Exception {
        if (options.warmUpSmallImages() > 0) {
            JobStatus small = submitAndAwait(base + "/in/" + WARM_UP_SMALL, WARM_UP_SMALL, options.warmUpSmallImages(), null);
            if (small.counts().failed() > 0) { // copies this run encoded itself: a failure is the engine's, not the corpus's
                throw new IllegalStateException(small.counts().failed() + " of the small warm-up images failed (job " + small.job() + ")");
            }
        }
        for (BenchSetRun set : sets) {
            ParallelPass.imagesPerSecond(set.images, options.threads(), image -> set.processor.process(image, options.pipeline()));
            if (options.referenceRounds() > 0) {
                ParallelPass.imagesPerSecond(set.images.subList(0, Math.min(2, set.images.size())), options.threads(),
                        image -> set.reference.process(image, options.pipeline()));
            }
            if (vips.isPresent() && options.vipsBox().isPresent()) {
                vips(set.set.files().subList(0, Math.min(2, set.images.size())));
            }
        }
        if (options.warmUpImages() > 0) {
            submitAndAwait(base + "/in/" + WARM_UP, WARM_UP, options.warmUpImages(), null);
        }
    }

    /**
     * Each set into its folder ({@code repeat} copies), the warm-up folder filled with the sets' files in turn, and the
     * small warm-up folder with small copies of them.
     */
    void upload(List<BenchSetRun> sets) throws IOException, InterruptedException {
        FileSystem fs = connection.fileSystem();
        for (BenchSetRun set : sets) {
            for (int i = 0; i < set.images.size(); i++) {
                for (int copy = 0; copy < set.repeat; copy++) {
                    write(fs, set.input + "/" + set.nameInStore(copy, i), set.images.get(i));
                }
            }
        }
        int total = sets.stream().mapToInt(s -> s.images.size()).sum();
        for (int n = 0; n < options.warmUpImages() && total > 0; n++) {
            BenchSetRun set = sets.get(n % sets.size());
            int index = (n / sets.size()) % set.images.size();
            write(fs, base + "/in/" + WARM_UP + "/" + n + "-" + set.set.name() + "-" + set.set.files().get(index).getFileName(), set.images.get(index));
        }
        uploadSmallCopies(fs, sets);
    }

    private void uploadSmallCopies(FileSystem fs, List<BenchSetRun> sets) throws IOException, InterruptedException {
        if (options.warmUpSmallImages() == 0) {
            return;
        }
        List<SmallCopy> copies = smallCopies(sets);
        if (copies.isEmpty()) {
            return;
        }
        ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (int n = 0; n < options.warmUpSmallImages(); n++) {
                SmallCopy copy = copies.get(n % copies.size());
                String path = base + "/in/" + WARM_UP_SMALL + "/" + n + "." + copy.extension();
                uploads.add(uploaders.submit(() -> {
                    write(fs, path, copy.bytes());
                    return null;
                }));
            }
            for (Future<?> upload : uploads) {
                try {
                    upload.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        } finally {
            uploaders.shutdownNow();
        }
    }

    private record SmallCopy(byte[] bytes, String extension) {}

    /** The sets' images at {@link #SMALL_SIDE} px, PNG and JPEG in turn. */
    private List<SmallCopy> smallCopies(List<BenchSetRun> sets) throws InterruptedException {
        List<SmallCopy> copies = new ArrayList<>();
        try (ImageProcessor shrink = new ImageProcessor(workerOptions.limits(), workerOptions.imageTimeLimit())) {
            for (BenchSetRun set : sets) {
                for (byte[] image : set.images) {
                    String extension = copies.size() % 2 == 0 ? "png" : "jpg";
                    Pipeline small = Pipeline.parse(List.of("thumbnail:" + SMALL_SIDE), extension);
                    if (shrink.process(image, small) instanceof ImageProcessor.Result.Processed processed) {
                        copies.add(new SmallCopy(processed.bytes(), extension));
                    }
                }
            }
        }
        return copies;
    }

    private int vips(List<Path> files) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory(scratch, "vips-"); // removed with the scratch folder at the end (see the class comment)
        vips.orElseThrow().thumbnail(files, out, options.threads(), options.vipsBox().orElseThrow(), options.vipsQuality());
        return files.size();
    }

    private int job(BenchSetRun set, String name) throws Exception {
        int images = set.images.size() * set.repeat;
        JobStatus status = submitAndAwait(set.input, name, images, set);
        set.failed += status.counts().failed();
        return images; // its outputs stay until the clean-up (see the class comment)
    }

    /** @param timed the set whose submit time this counts towards, or null */
    private JobStatus submitAndAwait(String input, String name, int images, BenchSetRun timed) throws Exception {
        String job = "bench-" + keys.prefix().replace(":", "") + "-" + name;
        jobs.add(job);
        JobSubmission submission = new JobSubmission(connection, keys, workerOptions.dispatch());
        long start = System.nanoTime();
        submission.submit(new JobRequest(job, input, base + "/out/" + name, options.pipeline(), Priority.NORMAL, ShardLimits.DEFAULT,
                JobBenchmark.batchSize(images, options.threads())));
        if (timed != null) {
            timed.submitSeconds += (System.nanoTime() - start) / 1e9;
        }
        return submission.await(job, new JobEndWatch(), Duration.ofHours(1), s -> { });
    }

    private static void write(FileSystem fs, String path, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path))) {
            out.write(bytes);
        }
    }

    /** Removes the run's HDFS folder, plans and Redis keys; the line to print when that failed. */
    Optional<String> cleanUp() {
        return BenchCleanUp.cluster(connection, base, jobs, keys);
    }
}
