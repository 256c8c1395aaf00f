package io.tessera.engine.ops;

import io.tessera.engine.images.ExifSummary;
import io.tessera.engine.images.NativeImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code exif}: the source's EXIF fields (camera make and model, date taken, orientation, whether it has GPS)
 * as JSON under {@code exif} in the metrics; an empty object when the image has none.
 */
public record ExifFields() implements ImageOp {

    @Override
    public String spec() {
        return "exif";
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        context.metrics().put("exif", fields(context.exif()));
        return image;
    }

    public static Map<String, Object> fields(ExifSummary exif) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (exif != null) {
            put(fields, "make", exif.cameraMake());
            put(fields, "model", exif.cameraModel());
            put(fields, "dateTaken", exif.dateTaken() == null ? null : exif.dateTaken().toString());
            put(fields, "orientation", exif.orientation());
            fields.put("gps", exif.hasGps());
        }
        return fields;
    }

    private static void put(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
