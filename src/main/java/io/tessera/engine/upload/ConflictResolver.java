package io.tessera.engine.upload;

/**
 * Answers a name clash under {@link ConflictPolicy#ASK}. Called on an upload thread, one question at a
 * time; it may block (e.g. until the operator clicks). Returning ASK or null counts as SKIP.
 */
@FunctionalInterface
public interface ConflictResolver {
    ConflictPolicy resolve(UploadItem item, String existingPath);

    ConflictResolver SKIP_ALL = (item, existing) -> ConflictPolicy.SKIP;
}
