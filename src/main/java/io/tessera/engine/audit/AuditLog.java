package io.tessera.engine.audit;

import io.tessera.engine.connect.ClusterConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;

/**
 * Reading a cluster's audit trail, for the CLI and the console (which never see Redis or HDFS types): list records by
 * filters, tail new ones, verify the chain, flush the stream to HDFS. All calls block on the servers: call them off
 * the UI thread.
 */
public final class AuditLog {
    private final ClusterConnection connection;
    private final AuditLocation location;

    public AuditLog(ClusterConnection connection) {
        this(connection, AuditLocation.DEFAULT);
    }

    public AuditLog(ClusterConnection connection, AuditLocation location) {
        this.connection = connection;
        this.location = location;
    }

    /** Records listed, oldest first, and where a tail of the newer ones starts ({@link #tail}). */
    public record Page(List<AuditRecord> records, String cursor) {}

    /** New records after a cursor, oldest first, and the cursor after them. */
    public record Tail(List<AuditRecord> records, String cursor) {}

    /** How far a verification is: records (lines and entries) read, and the part of the whole done (0..1). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (checked, fraction) -> {};

        void update(long checked, double fraction);
    }

    /**
     * The newest {@code query.limit()} records that match, oldest first: the stream newest first, then the daily files
     * from the newest back to the day before {@code since}. The cursor is the newest stream entry at the time of reading.
     */
    public Page list(AuditQuery query) throws IOException {
        AuditStream stream = new AuditStream(connection.redis(), location);
        List<AuditRecord> newestFirst = new ArrayList<>();
        String cursor = null;
        String before = null;
        boolean older = true;
        while (older && newestFirst.size() < query.limit()) {
            List<AuditStream.Entry> page = stream.before(before, AuditStream.PAGE);
            if (cursor == null && !page.isEmpty()) {
                cursor = page.getFirst().id();
            }
            for (AuditStream.Entry entry : page) {
                older = collect(entry.line(), query, newestFirst);
                if (!older) {
                    break;
                }
            }
            if (page.size() < AuditStream.PAGE) {
                break;
            }
            before = page.getLast().id();
        }
        if (older && newestFirst.size() < query.limit()) {
            AuditFiles files = new AuditFiles(connection.fileSystem(), location.folder());
            List<FileStatus> days = new ArrayList<>(files.days());
            Collections.reverse(days);
            LocalDate first = query.since() == null ? null : LocalDate.ofInstant(query.since(), ZoneOffset.UTC).minusDays(1);
            for (FileStatus day : days) {
                if (newestFirst.size() >= query.limit() || (first != null && AuditFiles.dayOf(day.getPath()).isBefore(first))) {
                    break;
                }
                List<StoredLine> lines = new ArrayList<>();
                try (BufferedReader in = files.read(day.getPath())) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(StoredLine.of(line, day.getPath().getName()));
                    }
                }
                for (int i = lines.size() - 1; i >= 0 && newestFirst.size() < query.limit(); i--) {
                    collect(lines.get(i), query, newestFirst);
                }
            }
        }
        List<AuditRecord> records = new ArrayList<>(newestFirst.subList(0, Math.min(query.limit(), newestFirst.size())));
        Collections.reverse(records);
        return new Page(records, cursor == null ? "0-0" : cursor);
    }

    /** Adds a matching record; false once records are older than the query's since by a wide margin (clocks differ). */
    private static boolean collect(StoredLine line, AuditQuery query, List<AuditRecord> into) {
        Optional<AuditRecord> record = line.record();
        if (record.isEmpty()) {
            return true;
        }
        if (query.matches(record.get())) {
            into.add(record.get());
        }
        return query.since() == null || record.get().time() == null || !record.get().time().isBefore(query.since().minus(Duration.ofHours(1)));
    }

    /** Up to {@code most} records appended after {@code cursor} (from {@link #list} or an earlier tail), oldest first. */
    public Tail tail(String cursor, int most) {
        List<AuditStream.Entry> page = new AuditStream(connection.redis(), location).after(cursor, most);
        List<AuditRecord> records = page.stream().map(e -> e.line().record()).flatMap(Optional::stream).toList();
        return new Tail(records, page.isEmpty() ? cursor : page.getLast().id());
    }

    /** Walks the whole chain, files then stream, and reports it intact (count, range, head) or where it first breaks. */
    public AuditVerification verify(Progress progress) throws IOException {
        return verify(progress, java.util.Map.of());
    }

    /**
     * The same, and the chain must still hold these records (seq → hash) as they were when their hashes were kept
     * outside the cluster: what shows a chain rewritten from its start (docs/security.md).
     */
    public AuditVerification verify(Progress progress, java.util.Map<Long, String> anchors) throws IOException {
        AuditStream stream = new AuditStream(connection.redis(), location);
        List<String> head = stream.head();
        AuditFiles files = new AuditFiles(connection.fileSystem(), location.folder());
        List<FileStatus> days = files.days();
        long total = Math.max(1, days.stream().mapToLong(FileStatus::getLen).sum() + stream.length() * TrailReader.ENTRY_WEIGHT);
        try (TrailReader reader = new TrailReader(files, days, stream,
                (records, done) -> progress.update(records, Math.min(1.0, (double) done / total)))) {
            AuditVerification result = new ChainCheck(reader, anchors).run(head);
            progress.update(result.records(), 1.0);
            return result;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Moves the records older than {@code keepLive} from the stream to the daily files now; returns how many. */
    public long flush(Duration keepLive) throws IOException {
        return new AuditFlusher(connection, location, Clock.systemUTC()).flush(keepLive);
    }
}
