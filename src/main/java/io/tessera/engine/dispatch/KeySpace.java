package io.tessera.engine.dispatch;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Every key under one prefix: a benchmark's own key space, removed when it is done. */
public final class KeySpace {
    private KeySpace() {}

    /** Deletes the keys that start with {@code prefix}, found with SCAN (never KEYS), a page at a time. */
    public static void delete(UnifiedJedis redis, String prefix) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
            if (!page.getResult().isEmpty()) {
                redis.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
}
