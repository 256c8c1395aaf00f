package io.tessera.engine.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Dead letters: listing a job's and putting them back to work. Each job keeps its own in a hash
 * ({@link DispatchKeys#deadLetters}), complete and expiring with the job; the shared stream ({@link DispatchKeys#dead})
 * is a capped overview across jobs whose oldest entries fall off.
 */
final class DeadLetters {
    private static final int PAGE = 500;

    private final UnifiedJedis redis;
    private final DispatchKeys keys;

    DeadLetters(UnifiedJedis redis, DispatchKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /**
     * An entry no worker may run (not a task, or not authentic): only the capped shared stream has it, as it came, with
     * the reason; {@code job} is the job it claims ("" when unreadable). Its job's own records are not touched: a forged
     * task must not change a real job's counters. Moved off its task stream in the same script (set-aside.lua).
     */
    static void setAside(UnifiedJedis redis, DispatchKeys keys, long maxLen, String stream, StreamEntryID entry, String job, String json,
            String error) {
        DispatchScripts.SET_ASIDE.run(redis, List.of(stream, keys.dead()),
                List.of(DispatchKeys.GROUP, entry.toString(), Long.toString(maxLen), job, String.valueOf(json), error));
    }

    /** The job's dead letters, oldest first; read with HSCAN in pages, so a job with many does not block Redis. */
    List<DeadLetter> of(String job) {
        List<DeadLetter> found = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<Map.Entry<String, String>> page = redis.hscan(keys.deadLetters(job), cursor, new ScanParams().count(PAGE));
            page.getResult().forEach(entry -> found.add(parse(entry.getValue())));
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        found.sort(Comparator.comparing(letter -> new StreamEntryID(letter.id())));
        return found;
    }

    private static DeadLetter parse(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            return new DeadLetter(node.path("entry").asText(), Task.fromJson(node.path("task").asText()), node.path("error").asText(null),
                    node.path("worker").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException("a dead letter that cannot be read: " + e.getMessage(), e);
        }
    }

    /** Back to their streams with attempt 1 (the last error kept for the record); returns how many went. */
    int requeue(String job) {
        int requeued = 0;
        for (DeadLetter letter : of(job)) {
            Task fresh = letter.task().withAttempt(1, letter.task().lastError());
            List<String> scriptKeys = new ArrayList<>(List.of(keys.dead(), keys.tasks(fresh.priority()), keys.job(job), keys.settled(job),
                    keys.shards(job)));
            scriptKeys.addAll(keys.records(job));
            Object done = DispatchScripts.REQUEUE.run(redis, scriptKeys, List.of(letter.id(), fresh.id(), fresh.toJson(), Integer.toString(fresh.shard())));
            requeued += ((Long) done).intValue();
        }
        return requeued;
    }
}
