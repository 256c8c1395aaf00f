package io.tessera.engine.events;

import java.util.List;
import java.util.Optional;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads recorded events back from the results stream, oldest first. A reader that remembers the id of
 * the last event it handled asks for what came {@link #after} it: no gap (unless the stream was trimmed
 * past it), no duplicate. The live follower of issue 6 builds on this.
 */
public final class EventReplay {
    private final UnifiedJedis redis;
    private final EventKeys keys;

    public EventReplay(UnifiedJedis redis, EventKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public EventReplay(UnifiedJedis redis) {
        this(redis, EventKeys.DEFAULT);
    }

    /**
     * The events of up to {@code count} entries after {@code lastSeenId} (exclusive); null means from the oldest kept. An
     * entry may hold several events (a batch, see {@link EventJson#readAll}), all with its id, so more than {@code count}
     * events may come back; a page of fewer entries than asked for is the end.
     */
    public List<Event> after(String lastSeenId, int count) {
        String start = lastSeenId == null ? "-" : "(" + lastSeenId;
        return redis.xrange(keys.results(), start, "+", count).stream().flatMap(e -> toEvents(e).stream()).toList();
    }

    /** The id of the newest recorded event, to follow from "now". */
    public Optional<String> latestId() {
        List<StreamEntry> last = redis.xrevrange(keys.results(), "+", "-", 1);
        return last.isEmpty() ? Optional.empty() : Optional.of(last.getFirst().getID().toString());
    }

    static List<Event> toEvents(StreamEntry entry) {
        return EventJson.readAll(entry.getFields().get("event"), entry.getID().toString());
    }

    /** Stream ids compare as (milliseconds, sequence), not as text. */
    public static int compareIds(String a, String b) {
        return new StreamEntryID(a).compareTo(new StreamEntryID(b));
    }
}
