package io.tessera.engine.upload;

import io.tessera.engine.store.TemporaryNames;
import io.tessera.engine.store.TemporarySweeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders one upload writes into, each made ready once, before its first file: a folder that exists under
 * the other Unicode form of its name (NFD, as macOS writes names) is used rather than a second one beside it; the
 * folder is created; and its stale upload temporaries (left by killed uploads) are swept. Safe from many threads.
 */
final class TargetFolders {
    private static final Logger LOG = LoggerFactory.getLogger(TargetFolders.class);

    private final FileSystem fs;
    private final Path root;
    private final TemporarySweeper sweeper;
    private final Map<String, Path> ready = new ConcurrentHashMap<>();

    TargetFolders(FileSystem fs, String root, TemporarySweeper sweeper) {
        this.fs = fs;
        this.root = new Path(root);
        this.sweeper = sweeper;
    }

    /** The folder for a relative folder name ("" for the upload's target, "set/2024" below it), created and swept. */
    Path ready(String relative) throws IOException {
        Path known = ready.get(relative);
        if (known != null) {
            return known;
        }
        int slash = relative.lastIndexOf('/');
        // the parent first, outside computeIfAbsent, whose function must not touch other entries
        Path parent = relative.isEmpty() ? null : ready(slash < 0 ? "" : relative.substring(0, slash));
        try {
            return ready.computeIfAbsent(relative, r -> {
                try {
                    return prepare(parent == null ? root : resolve(parent, r.substring(slash + 1)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Path resolve(Path parent, String name) throws IOException {
        Path folder = new Path(parent, name);
        return existing(folder).orElse(folder);
    }

    private Path prepare(Path folder) throws IOException {
        fs.mkdirs(folder);
        TemporarySweeper.Sweep sweep = sweeper.sweep(folder.toUri().getPath(), Set.of(TemporaryNames.Kind.UPLOAD));
        if (sweep.deleted() > 0) {
            LOG.info("Deleted {} stale upload temporaries in {}", sweep.deleted(), folder.toUri().getPath());
        }
        return folder;
    }

    /**
     * What holds {@code path}'s name in its folder: the path itself, or the same name in its other Unicode form (the
     * decomposed NFD one, which macOS writes; names here are NFC). Empty when neither exists.
     */
    Optional<Path> existing(Path path) throws IOException {
        if (fs.exists(path)) {
            return Optional.of(path);
        }
        String name = path.getName();
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        if (!decomposed.equals(name)) {
            Path other = new Path(path.getParent(), decomposed);
            if (fs.exists(other)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }
}
