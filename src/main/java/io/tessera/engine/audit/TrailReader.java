package io.tessera.engine.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileStatus;

/**
 * Every stored record in chain order: the daily files oldest first, line by line, then the stream, a page at a time.
 * Counts the bytes of the files and the entries of the stream it has read, for progress.
 */
final class TrailReader implements Iterator<StoredLine>, AutoCloseable {
    /** What a stream entry counts for in progress, against the files' bytes (about one record's line). */
    static final long ENTRY_WEIGHT = 400;

    private final AuditFiles files;
    private final AuditStream stream;
    private final ArrayDeque<FileStatus> days;
    private final ArrayDeque<StoredLine> buffered = new ArrayDeque<>();
    private final Progress progress;
    private long records;
    private BufferedReader reader;
    private String fileName;
    private long lineNumber;
    private long done;
    private boolean streamStarted;
    private boolean streamOver;
    private String streamAfter;

    TrailReader(AuditFiles files, List<FileStatus> days, AuditStream stream, Progress progress) {
        this.files = files;
        this.days = new ArrayDeque<>(days);
        this.stream = stream;
        this.progress = progress;
    }

    @Override
    public boolean hasNext() {
        try {
            fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return !buffered.isEmpty();
    }

    @Override
    public StoredLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffered.poll();
    }

    private void fill() throws IOException {
        while (buffered.isEmpty()) {
            if (reader == null && !days.isEmpty()) {
                FileStatus day = days.poll();
                reader = files.read(day.getPath());
                fileName = day.getPath().getName();
                lineNumber = 0;
            }
            if (reader != null) {
                String line = reader.readLine();
                if (line == null) {
                    reader.close();
                    reader = null;
                    continue;
                }
                lineNumber++;
                done += line.length() + 1;
                progress.read(++records, done);
                buffered.add(StoredLine.of(line, fileName + " line " + lineNumber));
                continue;
            }
            if (streamOver) {
                return;
            }
            List<AuditStream.Entry> page = stream.after(streamStarted ? streamAfter : null, AuditStream.PAGE);
            streamStarted = true;
            streamOver = page.size() < AuditStream.PAGE;
            if (!page.isEmpty()) {
                streamAfter = page.getLast().id();
            }
            for (AuditStream.Entry entry : page) {
                buffered.add(entry.line());
                done += ENTRY_WEIGHT;
                records++;
            }
            progress.read(records, done);
            if (page.isEmpty()) {
                return;
            }
        }
    }

    /** Records read so far, and the bytes of files plus {@link #ENTRY_WEIGHT} per stream entry. */
    @FunctionalInterface
    interface Progress {
        void read(long records, long units);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
