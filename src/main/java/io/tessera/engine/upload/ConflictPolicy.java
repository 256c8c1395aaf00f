package io.tessera.engine.upload;

/** What to do when the target name is taken: skip the file, replace the old one, or keep both ("a (1).jpg"). */
public enum ConflictPolicy {
    SKIP, OVERWRITE, KEEP_BOTH,
    /** Ask a {@link ConflictResolver} for each clash (the console's dialog). */
    ASK
}
