package io.tessera.engine.shard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a listing of a job's input left out, and why, so an estimate can say it ("1 hidden file left out")
 * instead of the files silently missing from the job. Counts files, not folders.
 */
public record LeftOut(long temporaries, long inHiddenFolders, long hiddenNames, long notImages) {
    public static final LeftOut NONE = new LeftOut(0, 0, 0, 0);

    /** Why a file is not an input, in the order the listing asks. */
    public enum Reason {
        /** One of Tessera's temporaries ({@code TemporaryNames}): an upload or an output still being written, or abandoned. */
        TEMPORARY,
        /** Below a folder whose name starts with '.' or '_' ({@code _derived} outputs, {@code .Trash}…). */
        IN_HIDDEN_FOLDER,
        /** Its own name starts with '.'. */
        HIDDEN_NAME,
        /** No image extension. */
        NOT_AN_IMAGE
    }

    public long total() {
        return temporaries + inHiddenFolders + hiddenNames + notImages;
    }

    /** One phrase per reason that left something out, for an estimate; empty when nothing was. */
    public List<String> phrases() {
        List<String> phrases = new ArrayList<>();
        if (hiddenNames > 0) {
            phrases.add(hiddenNames == 1 ? "1 hidden file left out (its name starts with '.')"
                    : hiddenNames + " hidden files left out (their names start with '.')");
        }
        if (inHiddenFolders > 0) {
            phrases.add(count(inHiddenFolders, "file") + " in hidden folders left out (a folder name starts with '.' or '_')");
        }
        if (notImages > 0) {
            phrases.add(count(notImages, "file") + " without an image extension left out");
        }
        if (temporaries > 0) {
            phrases.add(count(temporaries, "unfinished write") + " left out (temporary files of uploads or jobs)");
        }
        return phrases;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Counts reasons as a listing goes; one listing (one thread) at a time. */
    public static final class Tally {
        private final Map<Reason, Long> counts = new EnumMap<>(Reason.class);

        void add(Reason reason) {
            counts.merge(reason, 1L, Long::sum);
        }

        public LeftOut snapshot() {
            return new LeftOut(get(Reason.TEMPORARY), get(Reason.IN_HIDDEN_FOLDER), get(Reason.HIDDEN_NAME), get(Reason.NOT_AN_IMAGE));
        }

        private long get(Reason reason) {
            return counts.getOrDefault(reason, 0L);
        }
    }
}
