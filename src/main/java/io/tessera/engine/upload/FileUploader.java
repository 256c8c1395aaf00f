package io.tessera.engine.upload;

import io.tessera.engine.Reasons;
import io.tessera.engine.images.ImageCheck;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.store.NameVariants;
import io.tessera.engine.store.SafeNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Uploads one file: name and content checks, then the bytes under a hidden temporary name in the target
 * folder, then a rename. Readers never see a half file; a cancelled or failed file leaves nothing behind.
 */
final class FileUploader {
    private static final int CHUNK = 64 * 1024;
    static final String TEMP_MARK = ".tessera-upload-";

    private final FileSystem fs;
    private final ImageInspector inspector;
    private final String targetFolder;
    private final UploadRequest request;
    private final ConflictPolicy policy;
    private final ConflictResolver resolver;
    private final short replication;
    private final long blockSize;
    private final UploadListener listener;

    FileUploader(FileSystem fs, ImageInspector inspector, UploadRequest request, ConflictResolver resolver, UploadListener listener) throws IOException {
        this.fs = fs;
        this.inspector = inspector;
        this.targetFolder = request.targetFolder();
        this.request = request;
        this.policy = request.policy();
        this.resolver = resolver;
        this.listener = listener;
        // The cluster's defaults, not this client's: a client default of 3 replicas on a 1-node cluster never heals.
        var defaults = fs.getServerDefaults(new Path(targetFolder));
        this.replication = defaults.getReplication();
        this.blockSize = defaults.getBlockSize();
    }

    FileOutcome upload(UploadItem item, ProgressMeter meter, BooleanSupplier cancelled) {
        String target = request.targetOf(item);
        long size = sizeOf(item);
        FileOutcome outcome;
        long written = 0;
        Path temp = null;
        try {
            Optional<String> refusal = refusal(item);
            if (cancelled.getAsBoolean()) {
                outcome = outcome(item, target, FileOutcome.Status.CANCELLED, "cancelled", 0);
            } else if (refusal.isPresent()) {
                outcome = outcome(item, target, FileOutcome.Status.REFUSED, refusal.get(), 0);
            } else {
                Path finalPath = new Path(target);
                ConflictPolicy onClash = fs.exists(finalPath) ? decide(item, target) : null;
                if (onClash == ConflictPolicy.SKIP) {
                    outcome = outcome(item, target, FileOutcome.Status.SKIPPED, "exists already", 0);
                } else {
                    fs.mkdirs(finalPath.getParent());
                    temp = new Path(finalPath.getParent(), "." + finalPath.getName() + TEMP_MARK + UUID.randomUUID());
                    long[] progress = new long[1];
                    if (copy(item, temp, size, meter, cancelled, progress)) {
                        written = progress[0];
                        String landed = publish(temp, finalPath, onClash == null ? policy : onClash);
                        temp = landed == null ? temp : null;
                        outcome = landed == null ? outcome(item, target, FileOutcome.Status.SKIPPED, "exists already", 0)
                                : outcome(item, landed, FileOutcome.Status.UPLOADED, null, written);
                    } else {
                        written = progress[0];
                        outcome = outcome(item, target, FileOutcome.Status.CANCELLED, "cancelled", 0);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            outcome = outcome(item, target, FileOutcome.Status.FAILED, Reasons.oneLine(e), 0);
        } finally {
            removeQuietly(temp);
        }
        meter.finished(outcome, Math.max(0, size - written));
        return outcome;
    }

    private Optional<String> refusal(UploadItem item) {
        Optional<String> nameProblem = SafeNames.relativePathProblem(item.relativeTarget());
        if (nameProblem.isPresent()) {
            return nameProblem;
        }
        if (!Files.isRegularFile(item.source())) {
            return Optional.of("not a regular file");
        }
        return inspector.check(item.source()) instanceof ImageCheck.Rejected(String reason) ? Optional.of(reason) : Optional.empty();
    }

    private ConflictPolicy decide(UploadItem item, String existing) {
        if (policy != ConflictPolicy.ASK) {
            return policy;
        }
        synchronized (resolver) { // one question at a time
            ConflictPolicy answer = resolver.resolve(item, existing);
            return answer == null || answer == ConflictPolicy.ASK ? ConflictPolicy.SKIP : answer;
        }
    }

    /** Copies the bytes, counting them in {@code written[0]}; false when cancelled part-way (even before the first chunk). */
    private boolean copy(UploadItem item, Path temp, long size, ProgressMeter meter, BooleanSupplier cancelled, long[] written) throws IOException {
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(item.source());
             OutputStream out = fs.create(temp, false, CHUNK, replication, blockSize)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                out.write(buffer, 0, n);
                written[0] += n;
                meter.written(n);
                listener.fileProgress(item, written[0], size);
            }
        }
        return !cancelled.getAsBoolean();
    }

    /** Renames the complete temp file into place; null when the name was taken meanwhile and we skip. */
    private String publish(Path temp, Path target, ConflictPolicy onClash) throws IOException {
        if (onClash == ConflictPolicy.OVERWRITE) {
            if (fs instanceof DistributedFileSystem dfs) {
                dfs.rename(temp, target, Options.Rename.OVERWRITE);
            } else {
                fs.delete(target, false);
                fs.rename(temp, target);
            }
            return target.toUri().getPath();
        }
        if (fs.rename(temp, target)) {
            return target.toUri().getPath();
        }
        if (onClash != ConflictPolicy.KEEP_BOTH) {
            return null;
        }
        for (int n = 1; n < 10_000; n++) {
            Path candidate = new Path(target.getParent(), NameVariants.numbered(target.getName(), n));
            if (fs.rename(temp, candidate)) {
                return candidate.toUri().getPath();
            }
        }
        throw new IOException("no free name for " + target);
    }

    private void removeQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            fs.delete(temp, false);
        } catch (IOException ignored) {
            // best effort; the temp name is hidden and marked, so a sweep can find it
        }
    }

    private static long sizeOf(UploadItem item) {
        try {
            return Files.size(item.source());
        } catch (IOException e) {
            return 0;
        }
    }

    private static FileOutcome outcome(UploadItem item, String target, FileOutcome.Status status, String reason, long bytes) {
        return new FileOutcome(item, target, status, reason, bytes);
    }
}
