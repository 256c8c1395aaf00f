package io.tessera.engine.events;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Records events built in Java: appends each to the capped results stream and publishes the same event,
 * with the stream id as its id, on its job's channel and on the global one, in one script (so the
 * published id and the recorded id are always the same). Dispatch scripts do the same through
 * {@code emit.lua} inside their own atomic updates.
 */
public final class EventPublisher {
    public static final long DEFAULT_MAX_LEN = 100_000;
    /** The helpers every script that records events starts with ({@code tessera_emit}, {@code tessera_now}). */
    public static final String EMIT_LIBRARY = "/io/tessera/engine/events/emit.lua";
    private static final LuaScript PUBLISH = LuaScript.load(EMIT_LIBRARY, "/io/tessera/engine/events/publish.lua");

    private final UnifiedJedis redis;
    private final EventKeys keys;
    private final long maxLen;

    public EventPublisher(UnifiedJedis redis, EventKeys keys, long maxLen) {
        this.redis = redis;
        this.keys = keys;
        this.maxLen = maxLen;
    }

    public EventPublisher(UnifiedJedis redis) {
        this(redis, EventKeys.DEFAULT, DEFAULT_MAX_LEN);
    }

    /** Returns the event's id (its results-stream entry id). */
    public String publish(Event event) {
        return (String) PUBLISH.run(redis, List.of(keys.results()), arguments(event));
    }

    /** Publishes many in one pipeline (bursts, benchmarks); returns their ids in order. */
    public List<String> publishAll(List<Event> events) {
        PUBLISH.ensureLoaded(redis);
        List<Response<Object>> ids = new ArrayList<>(events.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Event event : events) {
                ids.add(PUBLISH.queue(pipeline, List.of(keys.results()), arguments(event)));
            }
            pipeline.sync();
        }
        return ids.stream().map(id -> (String) id.get()).toList();
    }

    private List<String> arguments(Event event) {
        return List.of(Long.toString(maxLen), keys.channelPrefix(), event.job() == null ? "" : event.job(), EventJson.write(event));
    }
}
