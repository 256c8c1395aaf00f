package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.Reasons;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.engine.worker.StorageFailures.Side;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.BlockMissingException;
import org.apache.hadoop.hdfs.protocol.DSQuotaExceededException;
import org.apache.hadoop.hdfs.protocol.NSQuotaExceededException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.RetriableException;
import org.apache.hadoop.ipc.StandbyException;
import org.apache.hadoop.security.AccessControlException;
import org.junit.jupiter.api.Test;

/**
 * The classification table on the exceptions HDFS really throws (as the NameNode words them, remote or unwrapped).
 * StorageFaultsIT provokes the same errors on the embedded HDFS.
 */
class StorageFailuresTest {
    private static final String OUT = "/data/_derived/j/thumbnail-64/a.jpg.png";
    private static final String TEMP = "/data/_derived/j/thumbnail-64/" + TemporaryNames.of(TemporaryNames.Kind.OUTPUT, "a.jpg.png");

    private static Optional<String> write(Throwable e) {
        return StorageFailures.imageReason(e, Side.WRITE, OUT);
    }

    @Test
    void aNameTooLongFailsTheImageEvenAsARemoteExceptionThatCannotBeRebuilt() {
        String name = "x".repeat(253) + ".png";
        RemoteException remote = new RemoteException("org.apache.hadoop.hdfs.protocol.FSLimitException$PathComponentTooLongException",
                "The maximum path component name limit of " + name + " in directory /data/out is exceeded: limit=255 length=257");
        assertEquals(Optional.of("output name too long for HDFS: 257 bytes, the limit is 255 bytes per name (dfs.namenode.fs-limits.max-component-length)"),
                StorageFailures.imageReason(remote, Side.WRITE, "/data/out/" + name));
        assertEquals(Optional.of("folder name too long for HDFS: 300 bytes, the limit is 255 bytes per name (dfs.namenode.fs-limits.max-component-length)"),
                StorageFailures.imageReason(remote, Side.WRITE, "/data/" + "f".repeat(300) + "/a.png"));
    }

    @Test
    void permissionQuotaAndAFileInTheWayFailTheImageWithReasonsNamingNoTemporary() {
        AccessControlException denied = new AccessControlException("Permission denied: user=mallory, access=WRITE, inode=\"/data/_derived/j/thumbnail-64\":root:supergroup:drwxr-xr-x");
        assertEquals(Optional.of("permission denied writing /data/_derived/j/thumbnail-64 (user mallory lacks write)"), write(denied));
        assertEquals(Optional.of("permission denied writing /data/_derived/j/thumbnail-64 (user mallory lacks write)"),
                write(new RemoteException(AccessControlException.class.getName(), denied.getMessage())));
        AccessControlException onTemp = new AccessControlException("Permission denied: user=mallory, access=WRITE, inode=\"" + TEMP + "\":root:supergroup:-rw-r--r--");
        assertEquals(Optional.of("permission denied writing /data/_derived/j/thumbnail-64 (user mallory lacks write)"), write(onTemp));
        assertEquals(Optional.of("permission denied reading /data/in/a.jpg (user mallory lacks read)"), StorageFailures.imageReason(
                new AccessControlException("Permission denied: user=mallory, access=READ, inode=\"/data/in/a.jpg\":root:supergroup:-rw-------"), Side.READ, "/data/in/a.jpg"));

        assertEquals(Optional.of("space quota exceeded on /data/_derived: no room for this output"),
                write(new DSQuotaExceededException("The DiskSpace quota of /data/_derived is exceeded: quota = 1 B = 1 B but diskspace consumed = 134217728 B = 128 MB")));
        assertEquals(Optional.of("file count quota exceeded on /data/_derived: no room for another file"), write(new RemoteException(
                NSQuotaExceededException.class.getName(), "The NameSpace quota (directories and files) of directory /data/_derived is exceeded: quota=3 file count=4")));
        assertEquals(Optional.of("cannot write " + OUT + ": /data/_derived/j is a file, not a folder"),
                write(new ParentNotDirectoryException("Parent path is not a directory: /data/_derived/j")));
        assertEquals(Optional.of("cannot write " + OUT + ": /data/_derived/j is a file, not a folder"),
                write(new FileAlreadyExistsException("Path is not a directory: /data/_derived/j")));
    }

    @Test
    void damagedOrVanishedInputFailsTheImage() {
        assertEquals(Optional.of("corrupt input: its data fails the checksum on every copy HDFS holds"),
                StorageFailures.imageReason(new ChecksumException("Checksum error: /data/in/a.jpg at 0", 0), Side.READ, "/data/in/a.jpg"));
        assertEquals(Optional.of("missing: the file was deleted after the job was planned"),
                StorageFailures.imageReason(new FileNotFoundException("File does not exist: /data/in/a.jpg"), Side.READ, "/data/in/a.jpg"));
        assertEquals(Optional.of("not a valid HDFS path: a:b"), StorageFailures.imageReason(catchPath("a:b"), Side.READ, "a:b"));
    }

    @Test
    void troubleThatMayPassRetriesTheTask() {
        for (Throwable passing : new Throwable[] {
                new ConnectException("Connection refused"), new SocketTimeoutException("60000 millis timeout"), new EOFException(),
                new IOException("All datanodes [DatanodeInfoWithStorage[127.0.0.1:9866]] are bad. Aborting..."),
                new IOException("Failed on local exception", new ConnectException("Connection refused")),
                new RemoteException(StandbyException.class.getName(), "Operation category WRITE is not supported in state standby"),
                new RemoteException("org.apache.hadoop.hdfs.server.namenode.SafeModeException", "Cannot create file. Name node is in safe mode."),
                new RetriableException("NameNode still not started"),
                new BlockMissingException("/data/in/a.jpg", "Could not obtain block", 0),
                new FileNotFoundException("rename source " + TEMP + " not found"),
                new IllegalStateException("a bug")}) {
            assertFalse(write(passing).isPresent(), passing.toString());
        }
    }

    @Test
    void aRetriedTaskNamesTheOutputNotItsTemporary() {
        IOException raw = new IOException("File " + TEMP + " could only be written to 0 of the 1 minReplication nodes.");
        String line = Reasons.oneLine(StorageFailures.retryable(raw, Side.WRITE, OUT));
        assertEquals("cannot write " + OUT + ": File " + OUT + " could only be written to 0 of the 1 minReplication nodes.", line);
        assertTrue(!line.contains(".tsr-"));
    }

    private static Throwable catchPath(String name) {
        try {
            new Path(name);
            throw new AssertionError("Path accepted " + name);
        } catch (IllegalArgumentException e) {
            return e;
        }
    }
}
