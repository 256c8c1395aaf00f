package io.tessera.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Names that stay where they are put and read as what they are. A name from outside (a dropped file, a typed
 * rename, a folder structure being uploaded) must not climb out of its target folder, smuggle a separator in,
 * hide characters that change how it reads (controls, bidi overrides, zero-width characters), or be longer
 * than the NameNode takes. Reasons never print a refused character raw: they name it ("U+202E RIGHT-TO-LEFT
 * OVERRIDE") and show the name with it escaped ({@link #displayable}).
 */
public final class SafeNames {
    /**
     * The NameNode's default {@code dfs.namenode.fs-limits.max-component-length}: UTF-8 bytes per path
     * component. A cluster may lower it; its own error then still says so, in the NameNode's words.
     */
    public static final int MAX_COMPONENT_BYTES = 255;
    /** HDFS's limit on a whole path, in characters ({@code HdfsServerConstants.MAX_PATH_LENGTH}). */
    public static final int MAX_PATH_CHARS = 8000;

    private SafeNames() {}

    /** One path component: not empty, not "." or "..", no separator, colon or invisible character, at most 255 bytes. */
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
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '/' || c == '\\') {
                return Optional.of("name contains a path separator: \"" + displayable(name) + "\"");
            }
            if (c == ':') {
                return Optional.of("name contains a colon, which HDFS does not allow: \"" + displayable(name) + "\"");
            }
            Optional<String> hidden = invisible(c);
            if (hidden.isPresent()) {
                return Optional.of("name contains " + describe(c) + ", " + hidden.get() + ": \"" + displayable(name) + "\"");
            }
            i += Character.charCount(c);
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_COMPONENT_BYTES) {
            return Optional.of(tooLong(name, bytes));
        }
        return Optional.empty();
    }

    /** A relative path ("set/2024/a.jpg") whose every component is a plain name; absolute paths are refused. */
    public static Optional<String> relativePathProblem(String relative) {
        if (relative == null || relative.isEmpty()) {
            return Optional.of("empty name");
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
            return Optional.of("absolute path refused: \"" + displayable(relative) + "\"");
        }
        for (String part : relative.split("/", -1)) {
            Optional<String> problem = problem(part);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** The reason for a name over {@link #MAX_COMPONENT_BYTES}. */
    public static String tooLong(String name, int bytes) {
        return "name too long: " + bytes + " bytes in UTF-8, HDFS takes at most " + MAX_COMPONENT_BYTES
                + " per name: \"" + displayable(shortened(name)) + "\"";
    }

    /** The UTF-8 length of a name, what the NameNode's limit counts. */
    public static int utf8Bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A name fit to print in a message or a list: every character {@link #problem} refuses for being invisible
     * is shown as {@code <U+202E>}, so a bidi override cannot turn the line around and a control character
     * cannot break it.
     */
    public static String displayable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (invisible(c).isPresent()) {
                out.append("<U+").append(String.format(Locale.ROOT, "%04X", c)).append('>');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Why a character must not be in a name (it is invisible, or changes how the text around it reads), or empty. */
    private static Optional<String> invisible(int c) {
        if (Character.getType(c) == Character.CONTROL) { // C0, DEL and C1
            return Optional.of("a control character");
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C) {
            return Optional.of("an invisible character that reorders the text around it");
        }
        if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF) {
            return Optional.of("a zero-width character");
        }
        if (c == 0x2028 || c == 0x2029) {
            return Optional.of("a line break");
        }
        if (Character.getType(c) == Character.SURROGATE) {
            return Optional.of("half of a character (broken UTF-16)");
        }
        return Optional.empty();
    }

    /** "U+202E RIGHT-TO-LEFT OVERRIDE": the code point and its Unicode name. */
    static String describe(int c) {
        String name = Character.getName(c);
        return String.format(Locale.ROOT, "U+%04X", c) + (name == null ? "" : " " + name);
    }

    /** Long names cut to their first and last 28 characters (whole code points), enough to recognise them. */
    private static String shortened(String name) {
        int count = name.codePointCount(0, name.length());
        if (count <= 60) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 28)) + "…" + name.substring(name.offsetByCodePoints(0, count - 28));
    }
}
