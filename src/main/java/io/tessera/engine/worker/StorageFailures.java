package io.tessera.engine.worker;

import io.tessera.engine.Reasons;
import io.tessera.engine.store.StoreException;
import io.tessera.engine.store.TemporaryNames;
import java.io.FileNotFoundException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.ipc.RemoteException;

/**
 * Storage errors of a worker, sorted in one place. An error that cannot succeed on retry (a name too long for HDFS,
 * permission denied, a quota used up, a file where a folder must be, damaged input) fails the one image it hit, with a
 * reason an operator can act on and never the raw NameNode message (which may name a temporary file). Anything else
 * (a DataNode pipeline in trouble, a NameNode failing over, in standby or in safe mode, a refused or timed-out
 * connection, and whatever is not known here) may succeed later: the whole task is retried with backoff and
 * dead-lettered after its last attempt, never lost.
 *
 * <p>Hadoop sends server-side errors as a {@link RemoteException} that names the class. Some of those classes cannot
 * be rebuilt on the client ({@code FSLimitException$PathComponentTooLongException} has no public constructor), so
 * errors are recognised by class name, the remote one included, along the whole cause chain.
 */
final class StorageFailures {
    /** Which side of the image the error happened on: reading its input, or writing its output. */
    enum Side { READ, WRITE }

    /** The kinds that fail an image, by the simple names of the classes Hadoop uses (remote ones too). */
    private enum Permanent {
        NAME_TOO_LONG, FOLDER_FULL, PERMISSION, SPACE_QUOTA, FILE_QUOTA, STORAGE_TYPE_QUOTA, NOT_A_FOLDER, IN_THE_WAY, INVALID_PATH,
        CORRUPT, MISSING
    }

    private static final Map<String, Permanent> BY_CLASS = Map.ofEntries(
            Map.entry("FSLimitException$PathComponentTooLongException", Permanent.NAME_TOO_LONG),
            Map.entry("FSLimitException$MaxDirectoryItemsExceededException", Permanent.FOLDER_FULL),
            Map.entry("AccessControlException", Permanent.PERMISSION),
            Map.entry("SnapshotAccessControlException", Permanent.PERMISSION),
            Map.entry("PathAccessDeniedException", Permanent.PERMISSION),
            Map.entry("PathPermissionException", Permanent.PERMISSION),
            Map.entry("DSQuotaExceededException", Permanent.SPACE_QUOTA),
            Map.entry("NSQuotaExceededException", Permanent.FILE_QUOTA),
            Map.entry("QuotaByStorageTypeExceededException", Permanent.STORAGE_TYPE_QUOTA),
            Map.entry("ParentNotDirectoryException", Permanent.NOT_A_FOLDER),
            Map.entry("FileAlreadyExistsException", Permanent.IN_THE_WAY),
            Map.entry("InvalidPathException", Permanent.INVALID_PATH),
            Map.entry("HadoopIllegalArgumentException", Permanent.INVALID_PATH),
            Map.entry("ChecksumException", Permanent.CORRUPT));

    private static final Pattern LIMIT = Pattern.compile("limit=(\\d+)");
    private static final Pattern ACCESS = Pattern.compile("user=([^,]+), access=([A-Z_]+)");
    private static final Pattern INODE = Pattern.compile("inode=\"([^\"]+)\"");
    private static final Pattern QUOTA_FOLDER = Pattern.compile("(?:of directory|of|on path :) (/\\S*) is exceeded");
    private static final Pattern PATH_AFTER_COLON = Pattern.compile(": (/\\S*)");
    /** Cause chains are short; this only guards against a cycle. */
    private static final int MAX_DEPTH = 32;

    private StorageFailures() {}

    /**
     * Why this image fails, when {@code error} cannot succeed on retry; empty when the task should be retried.
     *
     * @param path the input (READ) or the output (WRITE) the error happened on
     */
    static Optional<String> imageReason(Throwable error, Side side, String path) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            Optional<Permanent> kind = kindOf(t, side);
            if (kind.isPresent()) {
                return Optional.of(reason(kind.get(), message(t), side, path));
            }
        }
        return Optional.empty();
    }

    /**
     * The error a retried task carries: one line that names the input or output it was about, with any temporary name
     * in HDFS's message replaced by that path. A {@link StoreException}, so {@link Reasons#oneLine} shows this line.
     */
    static StoreException retryable(Throwable error, Side side, String path) {
        String action = side == Side.READ ? "cannot read " : "cannot write ";
        return new StoreException(StoreException.Problem.FAILED, path, action + path + ": " + withoutTemporaries(Reasons.oneLine(error), path), error);
    }

    private static Optional<Permanent> kindOf(Throwable t, Side side) {
        if (t instanceof FileNotFoundException && side == Side.READ) {
            return Optional.of(Permanent.MISSING); // on the output side a vanished temporary is worth a retry
        }
        if (t instanceof IllegalArgumentException && (t.getCause() instanceof URISyntaxException || message(t).contains("not a valid DFS filename"))) {
            return Optional.of(Permanent.INVALID_PATH); // a name Hadoop's Path or HDFS cannot take
        }
        if (t instanceof RemoteException remote) {
            String name = simpleName(remote.getClassName());
            return name.equals("FileNotFoundException") && side == Side.READ ? Optional.of(Permanent.MISSING) : Optional.ofNullable(BY_CLASS.get(name));
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            Permanent byType = BY_CLASS.get(simpleName(c.getName()));
            if (byType != null) {
                return Optional.of(byType);
            }
        }
        return Optional.empty();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String message(Throwable t) {
        return String.valueOf(t.getMessage());
    }

    private static String reason(Permanent kind, String message, Side side, String path) {
        String folder = parentOf(path);
        return switch (kind) {
            case NAME_TOO_LONG -> nameTooLong(message, path);
            case FOLDER_FULL -> "the output folder " + folder + " holds as many entries as HDFS allows in one folder ("
                    + find(LIMIT, message).map(l -> "limit " + l + ", ").orElse("") + "dfs.namenode.fs-limits.max-directory-items)";
            case PERMISSION -> permissionDenied(message, side, path);
            case SPACE_QUOTA -> "space quota exceeded on " + find(QUOTA_FOLDER, message).orElse(folder) + ": no room for this output";
            case FILE_QUOTA -> "file count quota exceeded on " + find(QUOTA_FOLDER, message).orElse(folder) + ": no room for another file";
            case STORAGE_TYPE_QUOTA -> "storage type quota exceeded on " + find(QUOTA_FOLDER, message).orElse(folder) + ": no room for this output";
            case NOT_A_FOLDER, IN_THE_WAY -> (side == Side.READ ? "cannot read " : "cannot write ") + path + ": "
                    + find(PATH_AFTER_COLON, message).filter(p -> !TemporaryNames.isTemporary(nameOf(p))).orElse("a path on the way")
                    + " is a file, not a folder";
            case INVALID_PATH -> "not a valid HDFS path: " + path;
            case CORRUPT -> "corrupt input: its data fails the checksum on every copy HDFS holds";
            case MISSING -> "missing: the file was deleted after the job was planned";
        };
    }

    /** Says which name of the path is too long, in bytes (what HDFS counts), and HDFS's limit. */
    private static String nameTooLong(String message, String path) {
        String limitText = find(LIMIT, message).orElse("255");
        long limit = Long.parseLong(limitText);
        String[] names = path.split("/");
        for (int i = names.length - 1; i >= 0; i--) {
            int bytes = names[i].getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limit) {
                String what = i == names.length - 1 ? "output name" : "folder name";
                return what + " too long for HDFS: " + bytes + " bytes, the limit is " + limitText + " bytes per name (dfs.namenode.fs-limits.max-component-length)";
            }
        }
        return "a name on the way to " + path + " is too long for HDFS (limit " + limitText + " bytes per name)";
    }

    private static String permissionDenied(String message, Side side, String path) {
        String where = find(INODE, message).filter(p -> !TemporaryNames.isTemporary(nameOf(p))).orElse(side == Side.READ ? path : parentOf(path));
        Matcher who = ACCESS.matcher(message);
        String user = who.find() ? " (user " + who.group(1) + " lacks " + who.group(2).replace('_', '+').toLowerCase(java.util.Locale.ROOT) + ")" : "";
        return "permission denied " + (side == Side.READ ? "reading " : "writing ") + where + user;
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Temporary names (ours are one hidden name each) in a message become the path they stood for. */
    private static String withoutTemporaries(String line, String path) {
        StringBuilder out = new StringBuilder();
        for (String word : line.split(" ", -1)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(TemporaryNames.isTemporary(nameOf(word.replaceAll("[\"',:;]+$", ""))) ? path : word);
        }
        return out.toString();
    }
}
