package io.tessera.engine.audit;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XTrimParams;

/**
 * Moves the trail's older records from the Redis stream to the daily files in HDFS, in chain order, and trims the
 * stream only once they are durable there (hsync, close). Any process may flush: a process that has just written a
 * record starts a flush at most once a minute across the cluster ({@code audit:flushing}, SET NX PX). Correctness does
 * not rest on that marker: HDFS lets one client at a time append to a file (its lease), and the flusher reads what the
 * files already hold only once it holds the file, appending just the records after it; a flusher that cannot get the
 * file leaves the work to the one that has it. A round writes one day's file; records go to the file of their UTC day,
 * or to the newest file when that is later (a clock behind its peers), so the files stay in chain order.
 */
public final class AuditFlusher {
    /** How long records stay in the stream only, before they are moved to HDFS. */
    public static final Duration KEEP_LIVE = Duration.ofHours(1);
    private static final Duration EVERY = Duration.ofMinutes(1);
    private static final int MOST_PER_ROUND = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditFlusher.class);
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("audit-flush").factory());
    private static final Map<String, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final ClusterConnection connection;
    private final AuditLocation location;
    private final Clock clock;

    public AuditFlusher(ClusterConnection connection, AuditLocation location, Clock clock) {
        this.connection = connection;
        this.location = location;
        this.clock = clock;
    }

    /** After a record was written: a flush in the background, unless some process flushed within the last minute. */
    static void maybeFlushSoon(ClusterConnection connection, AuditLocation location, Clock clock) {
        try {
            if ("OK".equals(connection.redis().set(location.flushing(), "1", SetParams.setParams().nx().px(EVERY.toMillis())))) {
                BACKGROUND.execute(() -> {
                    try {
                        new AuditFlusher(connection, location, clock).flush(KEEP_LIVE, false);
                    } catch (IOException | RuntimeException e) {
                        LOG.info("The audit trail was not flushed to HDFS this time: {}", Reasons.oneLine(e));
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.debug("No audit flush now: {}", Reasons.oneLine(e));
        }
    }

    /** Moves every record older than {@code keepLive} to HDFS (after a flush of this process under way); returns how many it wrote. */
    public long flush(Duration keepLive) throws IOException {
        return flush(keepLive, true);
    }

    private long flush(Duration keepLive, boolean wait) throws IOException {
        ReentrantLock lock = IN_THIS_PROCESS.computeIfAbsent(location.folder(), f -> new ReentrantLock());
        if (wait) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return 0;
        }
        try {
            long written = 0;
            // bounded: each round writes or trims at least one record, and a flush is never meant to be endless
            for (long round, rounds = 0; rounds < 1_000 && (round = flushRound(clock.instant().minus(keepLive))) >= 0; rounds++) {
                written += round;
            }
            return written;
        } finally {
            lock.unlock();
        }
    }

    /**
     * One day's file: returns the records written (0 when the stream only held records the files had already), or -1
     * when there is nothing (more) to do, or the file is someone else's now.
     */
    private long flushRound(Instant cutoff) throws IOException {
        UnifiedJedis redis = connection.redis();
        AuditStream stream = new AuditStream(redis, location);
        List<AuditStream.Entry> first = stream.after(null, 1);
        if (first.isEmpty() || !olderThan(first.getFirst().line(), cutoff)) {
            return -1;
        }
        AuditFiles files = new AuditFiles(connection.fileSystem(), location.folder());
        List<FileStatus> days = files.days();
        LocalDate newest = days.isEmpty() ? null : AuditFiles.dayOf(days.getLast().getPath());
        LocalDate day = first.getFirst().line().day().orElse(newest != null ? newest : LocalDate.ofInstant(cutoff, ZoneOffset.UTC));
        if (newest != null && newest.isAfter(day)) {
            day = newest;
        }
        Path file = files.of(day);
        FSDataOutputStream out;
        try {
            out = open(files, file);
        } catch (IOException held) {
            LOG.debug("{} is being written by another process: {}", file, Reasons.oneLine(held));
            return -1;
        }
        long flushedSeq;
        String lastId;
        List<String> lines = new ArrayList<>();
        try (out) {
            // only now, holding the file: what the files hold already, and what the stream has after it
            flushedSeq = lastFlushedSeq(files, file);
            if (flushedSeq < 0) {
                LOG.warn("The last line of the audit files is not a record: nothing is moved to HDFS until `tessera audit verify` is looked into");
                return -1;
            }
            lastId = null;
            String after = null;
            page:
            while (lines.size() < MOST_PER_ROUND) {
                List<AuditStream.Entry> page = stream.after(after, AuditStream.PAGE);
                for (AuditStream.Entry entry : page) {
                    StoredLine line = entry.line();
                    if (!olderThan(line, cutoff) || line.day().map(day::isBefore).orElse(false)) {
                        break page;
                    }
                    if (!line.readable() || line.seq() > flushedSeq) {
                        lines.add(line.text());
                    }
                    lastId = entry.id();
                }
                if (page.size() < AuditStream.PAGE) {
                    break;
                }
                after = page.getLast().id();
            }
            if (!lines.isEmpty()) {
                out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
                out.hsync();
            }
        }
        if (lastId != null) {
            // durable in HDFS (synced and closed): the stream keeps only what comes after
            redis.xtrim(location.stream(), XTrimParams.xTrimParams().minId(successor(lastId)).exactTrimming());
        }
        if (!lines.isEmpty()) {
            LOG.info("Moved {} audit records to {}", lines.size(), file);
        }
        return lastId == null ? -1 : lines.size();
    }

    private static FSDataOutputStream open(AuditFiles files, Path file) throws IOException {
        var fs = files.fileSystem();
        if (fs.exists(file)) {
            return fs.append(file);
        }
        fs.mkdirs(file.getParent(), new FsPermission((short) 0750));
        // overwrite=false: of two processes making the day's file, one gets it and the other an exception
        return fs.create(file, new FsPermission((short) 0640), false, 64 * 1024, fs.getDefaultReplication(file), fs.getDefaultBlockSize(file), null);
    }

    /**
     * The seq of the newest record in the files: the last line of {@code file}, else of the newest file before it with one;
     * -1 when that line is not a record (then nothing can be placed after it safely).
     */
    private static long lastFlushedSeq(AuditFiles files, Path file) throws IOException {
        List<FileStatus> days = files.days();
        for (int i = days.size() - 1; i >= 0; i--) {
            Path candidate = days.get(i).getPath();
            if (candidate.getName().compareTo(file.getName()) > 0) {
                continue;
            }
            var last = files.lastLine(candidate);
            if (last.isPresent()) {
                StoredLine line = StoredLine.of(last.get(), candidate.getName());
                return line.readable() ? line.seq() : -1;
            }
        }
        return 0;
    }

    private static boolean olderThan(StoredLine line, Instant cutoff) {
        return line.time().map(t -> t.isBefore(cutoff)).orElse(true);
    }

    /** The smallest stream id after {@code id}. */
    private static String successor(String id) {
        int dash = id.indexOf('-');
        return id.substring(0, dash) + "-" + (Long.parseLong(id.substring(dash + 1)) + 1);
    }
}
