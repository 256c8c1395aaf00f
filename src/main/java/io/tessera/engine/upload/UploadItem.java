package io.tessera.engine.upload;

import java.nio.file.Path;

/** One local file and where it goes, relative to the upload's target folder ("set/2024/a.jpg"). */
public record UploadItem(Path source, String relativeTarget) {}
