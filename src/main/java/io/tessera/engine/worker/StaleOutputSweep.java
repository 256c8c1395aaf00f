package io.tessera.engine.worker;

import io.tessera.engine.Reasons;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.engine.store.TemporarySweeper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a shard ends, deletes the stale output temporaries in the folders its outputs go to: what workers killed
 * mid-write left there, in this job or an earlier one writing to the same folders (a retry of failed images).
 * Stale by {@link TemporarySweeper}'s rules (closed and an hour old); a fresh or still-open temporary stays, and a
 * re-run of its task removes it ({@code AtomicOutputs}). On HDFS a folder costs one NameNode call whatever its
 * size, as only the temporaries are listed. Runs on a thread of its own: shard writes never wait for HDFS, and a
 * failed sweep is only logged (the next shard end there tries again).
 */
final class StaleOutputSweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StaleOutputSweep.class);

    /** A shard's inputs, relative to its job's input folder (inline in the shard, or from its manifest). */
    @FunctionalInterface
    interface Inputs {
        List<ImageFile> of(ShardRecord shard) throws IOException;
    }

    private final TemporarySweeper sweeper;
    private final Inputs inputs;
    private final ExecutorService thread;

    StaleOutputSweep(TemporarySweeper sweeper, Inputs inputs, String worker) {
        this.sweeper = sweeper;
        this.inputs = inputs;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("worker-sweep-" + worker).factory());
    }

    /** The shard just ended (DONE or FAILED); queued, returns at once. */
    void shardEnded(String job, JobRecipe recipe, ShardRecord shard) {
        try {
            thread.execute(() -> sweep(job, recipe, shard));
        } catch (RejectedExecutionException closing) {
            // closing: what is left waits for a later shard end in these folders
        }
    }

    private void sweep(String job, JobRecipe recipe, ShardRecord shard) {
        try {
            TemporarySweeper.Sweep total = TemporarySweeper.Sweep.NONE;
            for (String folder : outputFolders(recipe, inputs.of(shard))) {
                total = total.plus(sweeper.sweep(folder, Set.of(TemporaryNames.Kind.OUTPUT)));
            }
            if (total.deleted() > 0) {
                LOG.info("Shard {} of job {} ended: deleted {} stale output temporaries ({} fresh or open kept)",
                        shard.index(), job, total.deleted(), total.fresh() + total.open());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Sweeping the output folders of shard {} of job {} failed: {}", shard.index(), job, Reasons.oneLine(e));
        }
    }

    /** The distinct folders the outputs of these inputs go to. */
    static Set<String> outputFolders(JobRecipe recipe, List<ImageFile> inputs) {
        Set<String> folders = new TreeSet<>();
        for (ImageFile input : inputs) {
            String output = recipe.outputFor(recipe.input() + "/" + input.path());
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
