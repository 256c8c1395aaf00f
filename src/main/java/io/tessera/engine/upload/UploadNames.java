package io.tessera.engine.upload;

import io.tessera.engine.shard.ImageNames;
import io.tessera.engine.store.NameVariants;
import io.tessera.engine.store.SafeNames;
import java.util.Optional;

/**
 * Which names an upload refuses before a byte is sent, and why. Beyond {@link SafeNames} (escapes, separators,
 * invisible characters, over 255 bytes): hidden names. Jobs leave out every file whose name starts with '.', and
 * every file below a folder whose name starts with '.' or '_' (Hadoop's convention for temporaries, markers and
 * outputs; see {@link ImageNames}), so such a
 * file would be stored and then silently never processed. It is refused, not uploaded with a warning: the local
 * file stays where it is, the reason says how to get it in (rename it), and what gets dragged in by mistake
 * ({@code .DS_Store}, {@code ._IMG_1.jpg}, {@code .thumbnails/}) does not land in the image set.
 */
final class UploadNames {
    private UploadNames() {}

    /** Why {@code relative} (the item's NFC name below the target) cannot be uploaded to {@code target}, or empty. */
    static Optional<String> problem(String relative, String target) {
        Optional<String> unsafe = SafeNames.relativePathProblem(relative);
        if (unsafe.isPresent()) {
            return unsafe;
        }
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length; i++) {
            boolean folder = i < parts.length - 1;
            if (folder ? ImageNames.isHiddenFolder(parts[i]) : ImageNames.isHiddenFile(parts[i])) {
                return Optional.of("hidden " + (folder ? "folder" : "name") + " \"" + SafeNames.displayable(parts[i])
                        + "\": jobs leave out names starting with '" + parts[i].charAt(0) + "'; rename it to upload it");
            }
        }
        if (target.length() > SafeNames.MAX_PATH_CHARS) {
            return Optional.of("path too long: " + target.length() + " characters, HDFS takes at most " + SafeNames.MAX_PATH_CHARS);
        }
        return Optional.empty();
    }

    /** Why keeping both cannot name the newcomer {@code name (1)}: the suffix makes it too long. Empty when it fits. */
    static Optional<String> keepBothProblem(String name) {
        String first = NameVariants.numbered(name, 1);
        int bytes = SafeNames.utf8Bytes(first);
        return bytes <= SafeNames.MAX_COMPONENT_BYTES ? Optional.empty()
                : Optional.of("cannot keep both: " + SafeNames.tooLong(first, bytes));
    }
}
