package io.tessera.engine.dispatch;

import java.util.regex.Pattern;

/**
 * A job's id, checked once: it becomes Redis key and channel names ({@code <prefix>job:<id>}), a ZooKeeper node name
 * ({@code jobs/<id>}) and an HDFS folder name ({@code _derived/<id>}), so it is 1–120 letters, digits, '.', '_' or '-',
 * starting with a letter or a digit, with no ".." and not "all" (the global event channel). Everything else (slashes,
 * spaces, control characters, Redis glob characters such as '*') is refused with a reason that says what is allowed.
 */
public record JobId(String value) {
    public static final int MAX_LENGTH = 120;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");
    private static final String RULE = "a job id is 1-" + MAX_LENGTH
            + " letters, digits, '.', '_' or '-', starting with a letter or a digit, without '..' and not 'all'";

    public JobId {
        check(value);
    }

    public static JobId of(String value) {
        return new JobId(value);
    }

    /** {@code value} when it is a valid job id; otherwise an IllegalArgumentException naming the rule and what was wrong. */
    public static String check(String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(RULE + "; " + problem);
        }
        return value;
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "it is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "this one has " + value.length() + " characters";
        }
        if (value.equals("all")) {
            return "'all' is the channel of every job";
        }
        if (value.contains("..")) {
            return "'" + printable(value) + "' contains '..'";
        }
        if (!ALLOWED.matcher(value).matches()) {
            return "'" + printable(value) + "' " + firstBad(value);
        }
        return null;
    }

    private static String firstBad(String value) {
        char first = value.charAt(0);
        if (first == '.' || first == '_' || first == '-') {
            return "starts with '" + first + "'";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '_' && c != '-') {
                return "contains " + (c == ' ' ? "a space" : Character.isISOControl(c) || c > 126 ? String.format("U+%04X", (int) c) : "'" + c + "'");
            }
        }
        return "is not allowed";
    }

    /** The id with control and non-ASCII characters shown as U+XXXX, so an error message cannot be bent by them. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(MAX_LENGTH + 10).forEach(c -> {
            if (c < 32 || c > 126) {
                out.append(String.format("<U+%04X>", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
