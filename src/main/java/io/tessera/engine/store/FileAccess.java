package io.tessera.engine.store;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the acting HDFS user may do in a folder and with the entries selected there, each "no" with its reason: what the
 * HDFS panel disables before the operator tries ({@link FileActions#access}).
 */
public record FileAccess(String folder, String user, Map<FileAction, Permit> permits) {
    public FileAccess {
        permits = Map.copyOf(permits);
    }

    /** Everything allowed: before anything is known, and where HDFS does not check (the NameNode's superuser, permissions off). */
    public static FileAccess unrestricted(String folder, String user) {
        Map<FileAction, Permit> all = new EnumMap<>(FileAction.class);
        for (FileAction action : FileAction.values()) {
            all.put(action, Permit.ALLOWED);
        }
        return new FileAccess(folder, user, all);
    }

    public Permit permit(FileAction action) {
        return permits.getOrDefault(action, Permit.ALLOWED);
    }
}
