package io.tessera.engine.worker;

import io.tessera.engine.Reasons;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.engine.store.TemporarySweeper;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the stale output temporaries in a job's output folders: what workers killed mid-write left there, in
 * this job or an earlier one writing to the same folders (a retry of failed images, a job run again). Each folder
 * is swept when this worker first writes into it in a job (so leftovers of earlier runs go early, whoever ends the
 * shards: the coordinator ends those a dead worker had settled), and the folders of a shard again when this
 * worker's write ends the shard (for what went stale during a long job). Stale by {@link TemporarySweeper}'s rules
 * (closed and an hour old); a fresh or still-open temporary stays, and a re-run of its task removes it
 * ({@code AtomicOutputs}). On HDFS a folder costs one NameNode call whatever its size, as only the temporaries are
 * listed. Runs on a thread of its own: tasks and shard writes never wait for HDFS, and a failed sweep is only
 * logged (the next one there tries again).
 */
final class StaleOutputSweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StaleOutputSweep.class);
    private static final int JOBS_REMEMBERED = 64;

    /** A shard's inputs, relative to its job's input folder (inline in the shard, or from its manifest). */
    @FunctionalInterface
    interface Inputs {
        List<ImageFile> of(ShardRecord shard) throws IOException;
    }

    private final TemporarySweeper sweeper;
    private final Inputs inputs;
    private final ExecutorService thread;
    /** Per job lately run here, the output folders this worker has swept already. */
    private final Map<String, Set<String>> swept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > JOBS_REMEMBERED;
        }
    });

    StaleOutputSweep(TemporarySweeper sweeper, Inputs inputs, String worker) {
        this.sweeper = sweeper;
        this.inputs = inputs;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("worker-sweep-" + worker).factory());
    }

    /** A task of the job starts here: the folders its outputs go to that this worker has not swept yet in the job are swept (queued). */
    void taskStarted(String job, JobRecipe recipe, List<String> images) {
        Set<String> done = swept.computeIfAbsent(job, j -> ConcurrentHashMap.newKeySet());
        List<String> first = outputFolders(recipe, images).stream().filter(done::add).toList();
        if (!first.isEmpty()) {
            queue(() -> sweep(job, first, "first outputs there"));
        }
    }

    /** The shard just ended (DONE or FAILED) by this worker's write; queued, returns at once. */
    void shardEnded(String job, JobRecipe recipe, ShardRecord shard) {
        queue(() -> {
            try {
                sweep(job, outputFolders(recipe, inputs.of(shard).stream().map(i -> recipe.input() + "/" + i.path()).toList()),
                        "shard " + shard.index() + " ended");
            } catch (IOException e) {
                LOG.warn("The inputs of shard {} of job {} could not be read to sweep its output folders: {}", shard.index(), job, Reasons.oneLine(e));
            }
        });
    }

    private void queue(Runnable sweep) {
        try {
            thread.execute(sweep);
        } catch (RejectedExecutionException closing) {
            // closing: what is left waits for a later sweep of these folders
        }
    }

    private void sweep(String job, Collection<String> folders, String when) {
        TemporarySweeper.Sweep total = TemporarySweeper.Sweep.NONE;
        for (String folder : folders) {
            try {
                total = total.plus(sweeper.sweep(folder, Set.of(TemporaryNames.Kind.OUTPUT)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Sweeping {} of stale output temporaries failed (job {}): {}", folder, job, Reasons.oneLine(e));
            }
        }
        if (total.deleted() > 0) {
            LOG.info("Job {}, {}: deleted {} stale output temporaries ({} fresh or open kept)", job, when, total.deleted(), total.fresh() + total.open());
        }
    }

    /** The distinct folders the outputs of these input images (absolute paths) go to. */
    static Set<String> outputFolders(JobRecipe recipe, List<String> images) {
        Set<String> folders = new TreeSet<>();
        for (String image : images) {
            String output = recipe.outputFor(image);
            folders.add(output.substring(0, Math.max(1, output.lastIndexOf('/'))));
        }
        return folders;
    }

    /** Lets queued sweeps finish, for a few seconds at most. */
    @Override
    public void close() {
        ThreadStops.stop(thread, Duration.ofSeconds(10));
    }
}
