package io.tessera.engine.images;

import java.time.Instant;

/**
 * The EXIF fields the preview shows. Any field may be null when the camera did not write it.
 * {@code orientation} is the EXIF value 1–8 (1 = upright, 6 = rotate 90° clockwise to view).
 */
public record ExifSummary(String cameraMake, String cameraModel, Instant dateTaken, Integer orientation, boolean hasGps) {

    public String camera() {
        if (cameraMake == null) {
            return cameraModel;
        }
        return cameraModel == null || cameraModel.startsWith(cameraMake) ? (cameraModel == null ? cameraMake : cameraModel)
                : cameraMake + " " + cameraModel;
    }
}
