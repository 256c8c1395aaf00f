package io.tessera.engine.chaos;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventReplay;
import io.tessera.engine.events.EventType;
import io.tessera.engine.images.DecodeResult;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.NativeDecoder;
import io.tessera.engine.images.ShrinkTarget;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.JobPlanning;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.engine.worker.JobRecipe;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * What a job left behind, input by input: its outcome events in the results stream (IMAGE_DONE, IMAGE_FAILED)
 * and its files in the output folder, each output read back and decoded. The judge of fault tests and of
 * {@code tessera bench chaos}: an input is <em>lost</em> when it has no output that decodes and no failure
 * record; <em>duplicated</em> when it has more than one outcome (two events, two outputs, or an output and a
 * failure). Temporaries (hidden files a writer never renamed) and files no input explains are listed apart.
 */
public final class JobAudit {
    private static final int EVENT_PAGE = 10_000;
    private static final int READERS = 4;

    /**
     * @param inputs      images in the job's input folder, as a job lists them
     * @param outputs     output files that belong to an input and decode as an image
     * @param failed      inputs with a failure record
     * @param unrecorded  inputs with no outcome event at all (a job that has not finished, or a trimmed stream)
     * @param undecodable output files that do not decode, with the reason
     */
    public record Report(int inputs, int outputs, int failed, List<String> lost, List<String> duplicated, List<String> unrecorded,
                         List<String> undecodable, List<String> temporaries, List<String> strays) {
        /** Nothing lost, nothing twice, every input recorded, every output sound, nothing left over. */
        public boolean clean() {
            return lost.isEmpty() && duplicated.isEmpty() && unrecorded.isEmpty() && undecodable.isEmpty() && temporaries.isEmpty()
                    && strays.isEmpty();
        }

        @Override
        public String toString() {
            return inputs + " inputs, " + outputs + " outputs, " + failed + " failed; lost " + lost + ", duplicated " + duplicated
                    + ", unrecorded " + unrecorded + ", undecodable " + undecodable + ", temporaries " + temporaries + ", strays " + strays;
        }
    }

    private JobAudit() {}

    public static Report of(ClusterConnection connection, DispatchKeys keys, String jobId, JobRecipe recipe) throws IOException {
        Map<String, String> inputOfOutput = new HashMap<>();
        for (ImageFile image : JobPlanning.listFolder(connection, recipe.input())) {
            String input = recipe.input() + "/" + image.path();
            inputOfOutput.put(recipe.outputFor(input), input);
        }
        Map<String, Tally> tallies = new HashMap<>();
        inputOfOutput.values().forEach(input -> tallies.put(input, new Tally()));
        countEvents(connection, keys, jobId, tallies);

        List<String> undecodable = new ArrayList<>();
        List<String> temporaries = new ArrayList<>();
        List<String> strays = new ArrayList<>();
        Map<String, Future<String>> checks = new HashMap<>();
        FileSystem fs = connection.fileSystem();
        try (ExecutorService readers = Executors.newFixedThreadPool(READERS, Thread.ofPlatform().daemon().name("audit-", 0).factory())) {
            for (String file : files(fs, recipe.output())) {
                String input = inputOfOutput.get(file);
                String name = file.substring(file.lastIndexOf('/') + 1);
                if (input != null) {
                    checks.put(file, readers.submit(() -> decodeProblem(fs, file)));
                } else if (isTemporary(name)) {
                    temporaries.add(file);
                } else {
                    strays.add(file);
                }
            }
            for (Map.Entry<String, Future<String>> check : checks.entrySet()) {
                String problem = join(check.getValue());
                Tally tally = tallies.get(inputOfOutput.get(check.getKey()));
                if (problem == null) {
                    tally.outputs++;
                } else {
                    tally.brokenOutputs++;
                    undecodable.add(check.getKey() + ": " + problem);
                }
            }
        }
        return report(tallies, undecodable, temporaries, strays);
    }

    /** Both namings of a writer's temporary: {@link TemporaryNames} and the older {@code .<name>.tmp-<uuid>}. */
    public static boolean isTemporary(String name) {
        return TemporaryNames.isTemporary(name) || name.startsWith(".") && name.contains(".tmp-");
    }

    private static final class Tally {
        int done;
        int failed;
        int outputs;
        int brokenOutputs;
    }

    private static void countEvents(ClusterConnection connection, DispatchKeys keys, String jobId, Map<String, Tally> tallies) {
        EventReplay replay = new EventReplay(connection.redis(), keys.events());
        String last = null;
        while (true) {
            List<Event> page = replay.after(last, EVENT_PAGE);
            for (Event event : page) {
                if (jobId.equals(event.job()) && event.input() != null
                        && (event.type() == EventType.IMAGE_DONE || event.type() == EventType.IMAGE_FAILED)) {
                    Tally tally = tallies.computeIfAbsent(event.input(), input -> new Tally());
                    if (event.type() == EventType.IMAGE_DONE) {
                        tally.done++;
                    } else {
                        tally.failed++;
                    }
                }
            }
            if (page.size() < EVENT_PAGE) {
                return;
            }
            last = page.getLast().id();
        }
    }

    private static Report report(Map<String, Tally> tallies, List<String> undecodable, List<String> temporaries, List<String> strays) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> unrecorded = new ArrayList<>();
        int outputs = 0;
        int failed = 0;
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            Tally t = entry.getValue();
            outputs += t.outputs;
            failed += t.failed > 0 ? 1 : 0;
            if (t.outputs == 0 && t.failed == 0) {
                lost.add(entry.getKey());
            }
            if (t.done + t.failed > 1 || t.outputs + t.brokenOutputs > 1 || t.outputs > 0 && t.failed > 0) {
                duplicated.add(entry.getKey());
            }
            if (t.done + t.failed == 0) {
                unrecorded.add(entry.getKey());
            }
        }
        List.of(lost, duplicated, unrecorded, undecodable, temporaries, strays).forEach(list -> list.sort(null));
        return new Report(tallies.size(), outputs, failed, lost, duplicated, unrecorded, undecodable, temporaries, strays);
    }

    private static List<String> files(FileSystem fs, String folder) throws IOException {
        List<String> files = new ArrayList<>();
        Path root = new Path(folder);
        if (!fs.exists(root)) {
            return files;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            files.add(it.next().getPath().toUri().getPath());
        }
        return files;
    }

    /** Null when the file decodes as an image; the reason otherwise. */
    private static String decodeProblem(FileSystem fs, String file) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(new Path(file))) {
            bytes = in.readAllBytes();
        }
        return switch (new NativeDecoder(ImageLimits.DEFAULT).decode(bytes, ShrinkTarget.NONE)) {
            case DecodeResult.Rejected(String reason, boolean lasting) -> reason;
            case DecodeResult.Decoded decoded -> {
                decoded.image().close();
                yield null;
            }
        };
    }

    private static String join(Future<String> check) throws IOException {
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading outputs back", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
