package io.tessera.engine.thumbs;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Least-recently-used thumbnails in memory, bounded by their encoded bytes rather than by count. */
public final class MemoryThumbnailCache implements ThumbnailCache {
    private static final int ENTRY_OVERHEAD = 200;

    private final long maxBytes;
    private final LinkedHashMap<ThumbnailKey, ThumbnailResult> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public MemoryThumbnailCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized Optional<ThumbnailResult> get(ThumbnailKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void put(ThumbnailKey key, ThumbnailResult result) {
        long size = sizeOf(result);
        if (size > maxBytes) {
            return;
        }
        ThumbnailResult previous = entries.put(key, result);
        bytes += size - (previous == null ? 0 : sizeOf(previous));
        Iterator<Map.Entry<ThumbnailKey, ThumbnailResult>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= sizeOf(eldest.next().getValue());
            eldest.remove();
        }
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return entries.size();
    }

    private static long sizeOf(ThumbnailResult result) {
        return ENTRY_OVERHEAD + switch (result) {
            case ThumbnailResult.Ready ready -> ready.thumbnail().data().length;
            case ThumbnailResult.Failed failed -> failed.reason().length() * 2L;
            case ThumbnailResult.Dropped dropped -> 0;
        };
    }
}
