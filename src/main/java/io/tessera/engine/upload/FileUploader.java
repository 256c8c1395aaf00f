package io.tessera.engine.upload;

import io.tessera.engine.Reasons;
import io.tessera.engine.images.ImageCheck;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.store.NameVariants;
import io.tessera.engine.store.SafeNames;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.engine.store.TemporarySweeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Uploads one file: name and content checks, then the bytes under a short hidden temporary name
 * ({@link TemporaryNames}, recorded in the run's {@link UploadJournal}) in the target folder, then a rename.
 * Readers never see a half file; a cancelled or failed file leaves nothing behind. A name taken by the same
 * name in its other Unicode form (NFD) is a clash like any other.
 */
final class FileUploader {
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_KEEP_BOTH = 10_000;

    private final FileSystem fs;
    private final ImageInspector inspector;
    private final UploadRequest request;
    private final ConflictPolicy policy;
    private final ConflictResolver resolver;
    private final short replication;
    private final long blockSize;
    private final UploadListener listener;
    private final UploadJournal journal;
    private final TargetFolders folders;

    FileUploader(FileSystem fs, ImageInspector inspector, UploadRequest request, ConflictResolver resolver, UploadListener listener,
                 UploadJournal journal) throws IOException {
        this.fs = fs;
        this.inspector = inspector;
        this.request = request;
        this.policy = request.policy();
        this.resolver = resolver;
        this.listener = listener;
        this.journal = journal;
        this.folders = new TargetFolders(fs, request.targetFolder(), new TemporarySweeper(fs));
        // The cluster's defaults, not this client's: a client default of 3 replicas on a 1-node cluster never heals.
        var defaults = fs.getServerDefaults(new Path(request.targetFolder()));
        this.replication = defaults.getReplication();
        this.blockSize = defaults.getBlockSize();
    }

    FileOutcome upload(UploadItem item, ProgressMeter meter, BooleanSupplier cancelled) {
        String target = request.targetOf(item);
        long size = sizeOf(item);
        FileOutcome outcome;
        long[] written = new long[1];
        Path temp = null;
        boolean published = false;
        try {
            Optional<String> refusal = refusal(item, target);
            if (cancelled.getAsBoolean()) {
                outcome = outcome(item, target, FileOutcome.Status.CANCELLED, "cancelled", 0);
            } else if (refusal.isPresent()) {
                outcome = outcome(item, target, FileOutcome.Status.REFUSED, refusal.get(), 0);
            } else {
                String relative = item.relativeTarget();
                int slash = relative.lastIndexOf('/');
                Path finalPath = new Path(folders.ready(slash < 0 ? "" : relative.substring(0, slash)), relative.substring(slash + 1));
                target = finalPath.toUri().getPath();
                Optional<Path> existing = folders.existing(finalPath);
                ConflictPolicy onClash = existing.isPresent() ? decide(item, existing.get()) : null;
                Optional<String> keepBothProblem = onClash == ConflictPolicy.KEEP_BOTH ? UploadNames.keepBothProblem(finalPath.getName()) : Optional.empty();
                if (onClash == ConflictPolicy.SKIP) {
                    outcome = outcome(item, target, FileOutcome.Status.SKIPPED, "exists already", 0);
                } else if (keepBothProblem.isPresent()) {
                    outcome = outcome(item, target, FileOutcome.Status.REFUSED, keepBothProblem.get(), 0);
                } else {
                    temp = new Path(finalPath.getParent(), TemporaryNames.of(TemporaryNames.Kind.UPLOAD, finalPath.getName()));
                    journal.started(temp.toUri().getPath());
                    if (copy(item, temp, size, meter, cancelled, written)) {
                        String landed = publish(item, temp, finalPath, onClash == null ? policy : onClash, existing);
                        published = landed != null;
                        outcome = landed == null ? outcome(item, target, FileOutcome.Status.SKIPPED, "exists already", 0)
                                : outcome(item, landed, FileOutcome.Status.UPLOADED, null, written[0]);
                    } else {
                        outcome = outcome(item, target, FileOutcome.Status.CANCELLED, "cancelled", 0);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            outcome = outcome(item, target, FileOutcome.Status.FAILED, Reasons.oneLine(e), 0);
        } finally {
            if (temp != null && (published || removed(temp))) {
                journal.ended(temp.toUri().getPath());
            }
        }
        meter.finished(outcome, Math.max(0, size - written[0]));
        return outcome;
    }

    private Optional<String> refusal(UploadItem item, String target) {
        Optional<String> nameProblem = UploadNames.problem(item.relativeTarget(), target);
        if (nameProblem.isPresent()) {
            return nameProblem;
        }
        if (!Files.isRegularFile(item.source())) {
            return Optional.of("not a regular file");
        }
        return inspector.check(item.source()) instanceof ImageCheck.Rejected(String reason) ? Optional.of(reason) : Optional.empty();
    }

    private ConflictPolicy decide(UploadItem item, Path existing) {
        if (policy != ConflictPolicy.ASK) {
            return policy;
        }
        synchronized (resolver) { // one question at a time
            ConflictPolicy answer = resolver.resolve(item, existing.toUri().getPath());
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

    /**
     * Renames the complete temp file into place; returns where it landed, or null when the name is taken and the
     * file is skipped. {@code existing} is what held the name when it was checked (the name itself or its NFD form).
     */
    private String publish(UploadItem item, Path temp, Path target, ConflictPolicy how, Optional<Path> existing) throws IOException {
        if (how == ConflictPolicy.OVERWRITE) {
            return overwrite(temp, target, existing);
        }
        if (how == ConflictPolicy.KEEP_BOTH && existing.isPresent()) {
            return keepBoth(temp, target); // the name's other form holds it: "é.jpg" beside "é.jpg" would be no choice at all
        }
        if (fs.rename(temp, target)) {
            return target.toUri().getPath();
        }
        // Taken since the check: by another file of this upload (one name in two Unicode forms) or by someone else.
        ConflictPolicy now = how == ConflictPolicy.ASK ? decide(item, target) : how;
        return switch (now) {
            case OVERWRITE -> overwrite(temp, target, Optional.of(target));
            case KEEP_BOTH -> keepBoth(temp, target);
            case SKIP, ASK -> null;
        };
    }

    /** Replaces what held the name: an atomic overwriting rename, and the old file's other-form name removed after it. */
    private String overwrite(Path temp, Path target, Optional<Path> existing) throws IOException {
        if (fs instanceof DistributedFileSystem dfs) {
            dfs.rename(temp, target, Options.Rename.OVERWRITE);
        } else {
            fs.delete(target, false);
            fs.rename(temp, target);
        }
        if (existing.isPresent() && !existing.get().equals(target)) {
            fs.delete(existing.get(), false); // after the new file is in place: nothing is lost if this fails
        }
        return target.toUri().getPath();
    }

    private String keepBoth(Path temp, Path target) throws IOException {
        for (int n = 1; n < MAX_KEEP_BOTH; n++) {
            String name = NameVariants.numbered(target.getName(), n);
            int bytes = SafeNames.utf8Bytes(name);
            if (bytes > SafeNames.MAX_COMPONENT_BYTES) {
                throw new IOException("cannot keep both: " + SafeNames.tooLong(name, bytes));
            }
            Path candidate = new Path(target.getParent(), name);
            if (folders.existing(candidate).isEmpty() && fs.rename(temp, candidate)) {
                return candidate.toUri().getPath();
            }
        }
        throw new IOException("no free name for " + target + " among " + MAX_KEEP_BOTH + " numbered ones");
    }

    /** Deletes the temporary; true when it is gone (deleted now, or never created). */
    private boolean removed(Path temp) {
        try {
            fs.delete(temp, false);
            return true;
        } catch (IOException stays) {
            return false; // the journal keeps it, and the next start deletes it; failing that, the age sweep
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
