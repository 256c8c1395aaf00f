package io.tessera.engine.audit;

import io.tessera.engine.events.LuaScript;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.UnifiedJedis;

/**
 * Appends records to the trail's stream, race-free across processes: the record is linked to the head read last
 * (seq + 1, prev = its hash), hashed here with SHA-256, and {@code append.lua} adds it only if the head has not moved
 * meanwhile, setting the new head in the same script; a moved head comes back with the answer and the record is linked
 * again. Every failed attempt means another writer's record went in, so the chain always advances.
 */
final class AuditAppender {
    private static final LuaScript APPEND = LuaScript.load("/io/tessera/engine/audit/append.lua");
    private static final int ATTEMPTS = 200;

    private final UnifiedJedis redis;
    private final AuditLocation location;

    AuditAppender(UnifiedJedis redis, AuditLocation location) {
        this.redis = redis;
        this.location = location;
    }

    /** Appends {@code record} (its seq, prev and hash are made here) and returns it as stored. */
    AuditRecord append(AuditRecord record) {
        List<String> head = redis.hmget(location.head(), "seq", "hash");
        long seq = head.get(0) == null ? 0 : Long.parseLong(head.get(0));
        String prev = head.get(1) == null ? AuditChain.GENESIS : head.get(1);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            AuditRecord sealed = AuditChain.sealed(record.linked(seq + 1, prev));
            List<?> answer = (List<?>) APPEND.run(redis, List.of(location.head(), location.stream()),
                    List.of(prev, AuditChain.line(sealed), Long.toString(sealed.seq()), sealed.hash(), AuditChain.GENESIS));
            if (((Number) answer.get(0)).longValue() == 1) {
                return sealed;
            }
            seq = Long.parseLong(text(answer.get(1)));
            prev = text(answer.get(2));
            if (attempt > 3) {
                // many writers at once: spread the next tries a little
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 2_000_000));
            }
        }
        throw new IllegalStateException("the audit trail's head kept moving: " + ATTEMPTS + " attempts to append failed");
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
