package io.tessera.engine.store;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;

/** Where the store gets its (long-lived, shared) Hadoop client: a profile's connection, or the local disk. */
@FunctionalInterface
interface FileSystemSource {
    FileSystem get() throws IOException;

    static FileSystemSource localDisk() {
        return () -> FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()).getRawFileSystem();
    }
}
