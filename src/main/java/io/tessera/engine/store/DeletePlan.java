package io.tessera.engine.store;

import java.util.List;

/**
 * What a permanent delete would remove, counted recursively by the NameNode before anything goes:
 * the confirmation dialog shows it, and {@link HdfsFiles#deletePermanently} takes it back.
 */
public record DeletePlan(List<String> paths, long files, long folders, long bytes) {
    public DeletePlan {
        paths = List.copyOf(paths);
    }
}
