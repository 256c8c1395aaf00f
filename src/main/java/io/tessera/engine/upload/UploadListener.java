package io.tessera.engine.upload;

/**
 * Hears an upload's progress, on the upload's own threads (several at once): a UI coalesces these and
 * applies the latest on its pulse. {@link #progress} comes at most every 100 ms, and after each file.
 */
public interface UploadListener {
    default void fileProgress(UploadItem item, long bytesWritten, long size) {}

    default void fileFinished(FileOutcome outcome) {}

    default void progress(UploadProgress progress) {}

    UploadListener NONE = new UploadListener() {};
}
