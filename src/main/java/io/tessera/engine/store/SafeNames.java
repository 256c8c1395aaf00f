package io.tessera.engine.store;

import java.util.Optional;

/**
 * Names that stay where they are put. A name from outside (a dropped file, a typed rename, a folder
 * structure being uploaded) must not climb out of its target folder or smuggle a separator in.
 */
public final class SafeNames {
    private SafeNames() {}

    /** One path component: not empty, not "." or "..", no slash, backslash, colon or control character. */
    public static boolean isPlainName(String name) {
        return problem(name).isEmpty();
    }

    /** Why the name is refused, or empty when it is a plain name. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("empty name");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("\"" + name + "\" would leave the target folder");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return Optional.of("name contains a path separator: \"" + name + "\"");
            }
            if (c == ':' || c < 0x20 || c == 0x7F) {
                return Optional.of("name contains a character HDFS does not allow: \"" + printable(name) + "\"");
            }
        }
        return Optional.empty();
    }

    /** A relative path ("set/2024/a.jpg") whose every component is a plain name; absolute paths are refused. */
    public static Optional<String> relativePathProblem(String relative) {
        if (relative == null || relative.isEmpty()) {
            return Optional.of("empty name");
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
            return Optional.of("absolute path refused: \"" + printable(relative) + "\"");
        }
        for (String part : relative.split("/", -1)) {
            Optional<String> problem = problem(part);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static String printable(String s) {
        return s.codePoints().map(c -> c < 0x20 || c == 0x7F ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
