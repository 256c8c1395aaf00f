package io.tessera.engine.ops;

import io.tessera.engine.images.ImageHeader;
import java.util.HashMap;
import java.util.Map;

/** What every processed image reports besides its ops' findings: sizes in and out, bytes in and out, time taken. */
public record ImageFigures(ImageHeader source, int width, int height, int bytesIn, int bytesOut, long millis) {

    /** The ops' metrics with these figures added (as {@code sourceWidth}, {@code sourceHeight}, {@code width}, …). */
    public Map<String, Object> addTo(Map<String, Object> opMetrics) {
        Map<String, Object> metrics = new HashMap<>(opMetrics);
        metrics.put("sourceWidth", source.width());
        metrics.put("sourceHeight", source.height());
        metrics.put("width", width);
        metrics.put("height", height);
        metrics.put("bytesIn", bytesIn);
        metrics.put("bytesOut", bytesOut);
        metrics.put("ms", millis);
        return metrics;
    }
}
