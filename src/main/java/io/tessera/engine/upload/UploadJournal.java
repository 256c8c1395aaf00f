package io.tessera.engine.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tessera.engine.Reasons;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upload temporaries one upload run has in flight, one JSON line each in a small local file, so that the next
 * start can delete what a killed process left: a temporary is recorded before it is created and struck off once it
 * is renamed or deleted. The file is locked for as long as its run lives, and the operating system drops the lock
 * when the process dies however it dies (kill -9 included): a journal whose lock can be taken belongs to a dead
 * run, and its temporaries are deleted whatever their age ({@link #abandoned}). Lines reach the file with a plain
 * write, which survives a killed process but not a power cut; the age sweep of the folders covers that.
 *
 * <p>Best effort: an upload never fails because its journal cannot be written.
 */
final class UploadJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadJournal.class);
    static final String SUFFIX = ".journal";
    private static final ObjectWriter WRITER = Json.mapper().writerFor(Line.class).without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READER = Json.mapper().readerFor(Line.class);

    /** Records nothing: uploads without a state folder (benchmarks, some tests). */
    static final UploadJournal NONE = new UploadJournal(null, null, null);

    /** One line: the header names the profile; then each temporary as it starts and as it ends. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String profile, String started, String ended) {}

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Set<String> inFlight = new LinkedHashSet<>();
    private boolean broken;

    private UploadJournal(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * A new journal in {@code folder} for a run against {@code profile}'s cluster; {@link #NONE} when the folder is null
     * or the file cannot be made (said in the log).
     */
    static UploadJournal open(Path folder, String profile) {
        if (folder == null) {
            return NONE;
        }
        try {
            Files.createDirectories(folder);
            String name = "upload-" + ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            // Made and locked under another name first: a concurrent start must never see it unlocked and take it for dead.
            Path making = folder.resolve(name + ".new");
            FileChannel channel = FileChannel.open(making, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new IOException("cannot lock " + making);
                }
                Path file = Files.move(making, folder.resolve(name + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
                UploadJournal journal = new UploadJournal(file, channel, lock);
                journal.write(new Line(profile, null, null));
                return journal;
            } catch (IOException | RuntimeException e) {
                channel.close();
                Files.deleteIfExists(making);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Uploads run without a journal in {} ({}); temporaries of a killed upload wait for the age sweep", folder, Reasons.oneLine(e));
            return NONE;
        }
    }

    /** Before the temporary is created. */
    synchronized void started(String temporary) {
        if (channel != null) {
            inFlight.add(temporary);
            write(new Line(null, temporary, null));
        }
    }

    /** Once the temporary is renamed into place or deleted. */
    synchronized void ended(String temporary) {
        if (channel != null && inFlight.remove(temporary)) {
            write(new Line(null, null, temporary));
        }
    }

    private void write(Line line) {
        if (broken) {
            return;
        }
        try {
            channel.write(ByteBuffer.wrap((WRITER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            broken = true;
            LOG.warn("The upload journal {} cannot be written ({}); temporaries of this run wait for the age sweep if it is killed", file, Reasons.oneLine(e));
        }
    }

    /**
     * Ends the run: the file goes when nothing is left in flight; otherwise (a temporary that could not be deleted) it
     * stays, unlocked, and the next start deletes what it lists.
     */
    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            if (inFlight.isEmpty() && !broken) {
                Files.deleteIfExists(file);
            }
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing the upload journal {}: {}", file, Reasons.oneLine(e));
        }
    }

    /** What to do with the temporaries a dead run left in flight. */
    interface Abandoned {
        /** Deletes the temporaries; true when they are all gone, so the journal can go too. */
        boolean sweep(List<String> temporaries) throws IOException;
    }

    /**
     * For each journal in {@code folder} whose run is dead (its lock can be taken) and that was written against
     * {@code profile}: hands its temporaries still in flight to {@code sweeper} and, once they are gone, deletes the
     * journal. Live runs (of this process or another) and other profiles' journals are left alone.
     */
    static void abandoned(Path folder, String profile, Abandoned sweeper) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        List<Path> journals;
        try (Stream<Path> files = Files.list(folder)) {
            journals = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        for (Path journal : journals) {
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    continue; // its run is alive
                }
                List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
                if (profile.equals(profileOf(lines)) && sweeper.sweep(inFlight(lines))) {
                    Files.delete(journal); // still holding its lock: no one else takes it meanwhile
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                // another start took it
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException ours) {
            return null; // a run of this very process holds it
        }
    }

    private static String profileOf(List<String> lines) {
        try {
            return lines.isEmpty() ? null : read(lines.getFirst()).profile();
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static List<String> inFlight(List<String> lines) {
        Set<String> open = new LinkedHashSet<>();
        for (String text : lines.subList(1, lines.size())) {
            if (text.isBlank()) {
                continue;
            }
            Line line;
            try {
                line = read(text);
            } catch (IOException torn) {
                continue; // a line cut short by the kill: its temporary was not created yet
            }
            if (line.started() != null) {
                open.add(line.started());
            } else if (line.ended() != null) {
                open.remove(line.ended());
            }
        }
        return new ArrayList<>(open);
    }

    private static Line read(String text) throws IOException {
        return READER.readValue(text);
    }
}
