package io.tessera.engine.store;

import io.tessera.engine.Reasons;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.hdfs.server.namenode.SafeModeException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.security.AccessControlException;

/** Hadoop exceptions → {@link StoreException} with one readable line naming the path. */
final class StoreErrors {
    private static final Pattern ACCESS = Pattern.compile("user=([^,]+), access=([A-Z_]+)");

    private StoreErrors() {}

    static StoreException translate(IOException error, String path, String action) {
        IOException e = error instanceof RemoteException remote ? remote.unwrapRemoteException() : error;
        if (e instanceof AccessControlException) {
            Matcher m = ACCESS.matcher(String.valueOf(e.getMessage()));
            String who = m.find() ? " (user " + m.group(1) + " lacks " + m.group(2).replace('_', '+').toLowerCase() + ")" : "";
            return new StoreException(StoreException.Problem.PERMISSION_DENIED, path, "permission denied: " + path + who, error);
        }
        if (e instanceof FileNotFoundException) {
            return new StoreException(StoreException.Problem.NOT_FOUND, path, "not found: " + path, error);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new StoreException(StoreException.Problem.ALREADY_EXISTS, path, "already exists: " + path, error);
        }
        if (e instanceof ParentNotDirectoryException) {
            return new StoreException(StoreException.Problem.NOT_FOUND, path, "not a folder on the way to " + path, error);
        }
        if (e instanceof SafeModeException) {
            return new StoreException(StoreException.Problem.SAFE_MODE, path, "HDFS is in safe mode (read-only): cannot " + action + " " + path, error);
        }
        return new StoreException(StoreException.Problem.FAILED, path, "cannot " + action + " " + path + ": " + Reasons.oneLine(e), error);
    }
}
