package io.tessera.engine.zk;

import java.util.List;

/**
 * A search under a path: nodes whose path contains {@code pathContains} and/or whose data (read as
 * UTF-8) contains {@code dataContains}, both case-insensitive; a blank criterion is ignored. It stops
 * after {@code maxResults} hits or {@code maxNodes} nodes visited, whichever comes first.
 */
public record ZNodeSearch(String pathContains, String dataContains, int maxResults, int maxNodes) {

    public ZNodeSearch {
        if ((pathContains == null || pathContains.isBlank()) && (dataContains == null || dataContains.isBlank())) {
            throw new IllegalArgumentException("search for a path or a data fragment");
        }
    }

    public static ZNodeSearch byPath(String fragment) {
        return new ZNodeSearch(fragment, null, 1_000, 200_000);
    }

    public static ZNodeSearch byData(String fragment) {
        return new ZNodeSearch(null, fragment, 1_000, 200_000);
    }

    /** The outcome: hits in breadth-first order, how many nodes were looked at, and why it stopped early (null if it did not). */
    public record Result(List<Hit> hits, int visited, String stoppedEarly) {}

    /** A hit; {@code snippet} shows the data around the match, or is empty for a path match. */
    public record Hit(String path, boolean pathMatched, boolean dataMatched, String snippet) {}
}
