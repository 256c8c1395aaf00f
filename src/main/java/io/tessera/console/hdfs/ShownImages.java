package io.tessera.console.hdfs;

import io.tessera.engine.thumbs.ThumbnailKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Thumbnails already decoded for the screen, least recently used out first, bounded by their pixels' bytes: a card
 * scrolled back into view shows its picture in the same layout pass, with no decode on the UI thread. UI thread only.
 */
final class ShownImages {
    private final long maxBytes;
    private final LinkedHashMap<ThumbnailKey, Image> images = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    ShownImages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Image get(ThumbnailKey key) {
        return images.get(key);
    }

    void put(ThumbnailKey key, Image image) {
        Image previous = images.put(key, image);
        bytes += bytesOf(image) - (previous == null ? 0 : bytesOf(previous));
        Iterator<Map.Entry<ThumbnailKey, Image>> eldest = images.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= bytesOf(eldest.next().getValue());
            eldest.remove();
        }
    }

    private static long bytesOf(Image image) {
        return 4L * (long) image.getWidth() * (long) image.getHeight();
    }
}
