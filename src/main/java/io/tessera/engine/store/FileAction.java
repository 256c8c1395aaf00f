package io.tessera.engine.store;

/** The file actions whose permission the HDFS panel learns in advance ({@link FileAccess}). */
public enum FileAction {
    /** New folder and upload: write and execute on the folder shown. */
    WRITE_HERE,
    /** Rename, move away, trash, delete the selected entries: write and execute on their folder, the sticky bit's owners rule. */
    REMOVE,
    /** Set replication: write on each selected file. */
    REPLICATION
}
