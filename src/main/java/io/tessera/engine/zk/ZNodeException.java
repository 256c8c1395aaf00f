package io.tessera.engine.zk;

import java.io.IOException;

/** A ZooKeeper operation that failed, with a message an operator can read and a kind a caller can branch on. */
public class ZNodeException extends IOException {
    public enum Kind { READ_ONLY, ACCESS_DENIED, NOT_FOUND, ALREADY_EXISTS, CHANGED_MEANWHILE, NOT_EMPTY, CONNECTION, OTHER }

    private final Kind kind;
    private final String path;

    public ZNodeException(Kind kind, String path, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.path = path;
    }

    public Kind kind() {
        return kind;
    }

    /** The absolute path (including the chroot) the failed operation was about. */
    public String path() {
        return path;
    }
}
