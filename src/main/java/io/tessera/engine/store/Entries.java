package io.tessera.engine.store;

import java.time.Instant;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;

/** Hadoop statuses → {@link HdfsEntry}. */
final class Entries {
    private Entries() {}

    static HdfsEntry of(FileStatus s) {
        return new HdfsEntry(s.getPath().getName(), s.getPath().toUri().getPath(), s.isDirectory(), s.isDirectory() ? 0 : s.getLen(),
                Instant.ofEpochMilli(s.getModificationTime()), s.getOwner(), s.getGroup(),
                permission(s.isDirectory(), s.getPermission()), s.getReplication(), s.getBlockSize());
    }

    /** A raw NameNode listing entry, which knows only its own name: {@code parent} completes the path. */
    static HdfsEntry of(String parent, HdfsFileStatus s) {
        String name = s.getLocalName();
        String path = parent.endsWith("/") ? parent + name : parent + "/" + name;
        return new HdfsEntry(name, path, s.isDirectory(), s.isDirectory() ? 0 : s.getLen(),
                Instant.ofEpochMilli(s.getModificationTime()), s.getOwner(), s.getGroup(),
                permission(s.isDirectory(), s.getPermission()), s.getReplication(), s.getBlockSize());
    }

    private static String permission(boolean directory, FsPermission permission) {
        return (directory ? "d" : "-") + permission.toString();
    }
}
