package io.tessera.console.hdfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Absolute HDFS path strings as the panel handles them: "/", "/tessera/set-1". */
final class HdfsPaths {
    /** "hdfs://namenode:8020" before a path: other panels may hand over full URIs. */
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*");

    private HdfsPaths() {}

    /** A typed path made canonical ("tessera//a/" → "/tessera/a", "hdfs://nn:8020/a" → "/a"), or empty when it is blank. */
    static Optional<String> normalize(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String part : SCHEME.matcher(typed.trim()).replaceFirst("").split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return Optional.of("/" + String.join("/", parts));
    }

    /** The parent folder, or empty at the root. */
    static Optional<String> parent(String path) {
        if (path.equals("/")) {
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        return Optional.of(slash <= 0 ? "/" : path.substring(0, slash));
    }

    static String child(String folder, String name) {
        return folder.equals("/") ? "/" + name : folder + "/" + name;
    }

    static String name(String path) {
        return path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
    }

    /** "/", "/a", "/a/b" for "/a/b": the breadcrumb's steps. */
    static List<String> steps(String path) {
        List<String> steps = new ArrayList<>(List.of("/"));
        String at = "";
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                at = at + "/" + part;
                steps.add(at);
            }
        }
        return steps;
    }
}
