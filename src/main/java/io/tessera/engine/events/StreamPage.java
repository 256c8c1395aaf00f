package io.tessera.engine.events;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * A page of the results stream read in one script together with the stream's counters: {@code added} is
 * how many entries the stream ever took (-1 when the server does not say, before Redis 7), {@code length}
 * how many it keeps, {@code firstId} its oldest kept entry ("" when empty). So the ordinal of the oldest
 * kept entry is {@code added - length + 1}, which is how a follower counts what a trim took from it. {@code entries}: the
 * events of each entry read, in order (an entry may hold a batch of events, all with its id; see {@link EventJson#readAll}).
 */
record StreamPage(long added, long length, String firstId, String lastGeneratedId, List<List<Event>> entries) {
    private static final LuaScript SNAPSHOT = LuaScript.load("/io/tessera/engine/events/snapshot.lua");

    /** The newest {@code count} events, oldest first. */
    static StreamPage tail(UnifiedJedis redis, EventKeys keys, int count) {
        StreamPage page = read(redis, keys, "tail", "", "", count);
        return new StreamPage(page.added, page.length, page.firstId, page.lastGeneratedId, page.entries.reversed());
    }

    /** Up to {@code count} events after {@code afterId} and before {@code beforeId} (both exclusive; "" for open). */
    static StreamPage range(UnifiedJedis redis, EventKeys keys, String afterId, String beforeId, int count) {
        return read(redis, keys, "range", afterId, beforeId, count);
    }

    private static StreamPage read(UnifiedJedis redis, EventKeys keys, String mode, String after, String before, int count) {
        List<?> reply = (List<?>) SNAPSHOT.run(redis, List.of(keys.results()), List.of(mode, after, before, Integer.toString(count)));
        List<List<Event>> entries = new ArrayList<>((reply.size() - 4) / 2);
        for (int i = 4; i + 1 < reply.size(); i += 2) {
            entries.add(EventJson.readAll((String) reply.get(i + 1), (String) reply.get(i)));
        }
        return new StreamPage((Long) reply.get(0), (Long) reply.get(1), (String) reply.get(2), (String) reply.get(3), entries);
    }
}
