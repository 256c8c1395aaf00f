package io.tessera.engine.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;

/**
 * What a job keeps about its images beside its counters, complete however big the job: its failed images with their
 * reasons ({@link DispatchKeys#failures}, a stream in the order they failed) and the dhash of each image made with
 * {@code dhash} ({@link DispatchKeys#dhashes}). complete.lua writes both in the same step that counts the images, so
 * they always agree with the job's counters; they expire with the job's other keys. Read in pages.
 */
public final class JobRecords {
    private static final int HASH_PAGE = 1_000;

    private final UnifiedJedis redis;
    private final DispatchKeys keys;

    public JobRecords(UnifiedJedis redis, DispatchKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** A page of failed images; {@code next} continues after it, null at the end. */
    public record FailurePage(List<ImageOutcome.Failed> failures, String next) {}

    /** Up to {@code count} failed images of the job after {@code after} (null: from the first), oldest first. */
    public FailurePage failures(String jobId, String after, int count) {
        List<StreamEntry> entries = redis.xrange(keys.failures(jobId), after == null ? "-" : "(" + after, "+", count);
        List<ImageOutcome.Failed> failures = new ArrayList<>(entries.size());
        entries.forEach(e -> failures.add(new ImageOutcome.Failed(e.getFields().get("input"), e.getFields().get("reason"))));
        return new FailurePage(failures, entries.size() < count ? null : entries.getLast().getID().toString());
    }

    /** How many images of the job failed, as recorded (equal to the job's {@code failed} counter). */
    public long failureCount(String jobId) {
        return redis.xlen(keys.failures(jobId));
    }

    /** The dhash of every image of the job made with {@code dhash}: input → 64 bits. */
    public Map<String, Long> dhashes(String jobId) {
        Map<String, Long> hashes = new HashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<Map.Entry<String, String>> page = redis.hscan(keys.dhashes(jobId), cursor, new ScanParams().count(HASH_PAGE));
            page.getResult().forEach(e -> hashes.put(e.getKey(), Long.parseUnsignedLong(e.getValue(), 16)));
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return hashes;
    }
}
