package io.tessera.engine.upload;

import java.nio.file.Path;
import java.text.Normalizer;

/**
 * One local file and where it goes, relative to the upload's target folder ("set/2024/a.jpg"). The relative name
 * is normalised to NFC, so the decomposed form macOS gives "é" and the composed form other systems give land
 * under one name, and meet as a clash rather than as two files that look the same.
 */
public record UploadItem(Path source, String relativeTarget) {
    public UploadItem {
        relativeTarget = relativeTarget == null ? null : Normalizer.normalize(relativeTarget, Normalizer.Form.NFC);
    }
}
