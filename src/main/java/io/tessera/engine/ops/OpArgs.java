package io.tessera.engine.ops;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The arguments of one spec, {@code name:value} or {@code name:key=value,key=value}, with typed, range-checked
 * getters whose errors name the op, the argument and the allowed range.
 */
final class OpArgs {
    private final String op;
    private final String positional;
    private final Map<String, String> named = new LinkedHashMap<>();

    private OpArgs(String op, String text) {
        this.op = op;
        String single = null;
        if (!text.isEmpty()) {
            for (String part : text.split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    if (single != null || part.isBlank()) {
                        throw new OpSpecException(op + ": cannot read '" + text + "'; use " + op + ":VALUE or " + op + ":key=value,key=value");
                    }
                    single = part.strip();
                } else {
                    String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    if (named.put(key, part.substring(eq + 1).strip()) != null) {
                        throw new OpSpecException(op + ": '" + key + "' is given twice");
                    }
                }
            }
        }
        this.positional = single;
    }

    static OpArgs of(String op, String text) {
        return new OpArgs(op, text);
    }

    String op() {
        return op;
    }

    /** The named value under {@code key}, or null. */
    String named(String key) {
        return named.get(key);
    }

    String positional() {
        return positional;
    }

    boolean has(String key) {
        return named.containsKey(key);
    }

    /** Fails when an argument other than {@code allowed} was given, so typos do not pass silently. */
    OpArgs only(String... allowed) {
        for (String key : named.keySet()) {
            if (!java.util.List.of(allowed).contains(key)) {
                throw new OpSpecException(op + ": unknown argument '" + key + "'" + (allowed.length == 0 ? " (it takes none)" : "; it takes " + String.join(", ", allowed)));
            }
        }
        return this;
    }

    OpArgs noPositional() {
        if (positional != null) {
            throw new OpSpecException(op + ": unexpected value '" + positional + "'");
        }
        return this;
    }

    int integer(String what, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new OpSpecException(op + ": " + what + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new OpSpecException(op + ": " + what + " must be a whole number, not '" + text + "'");
        }
    }

    double decimal(String what, String text, double min, double max) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value >= min && value <= max)) {
                throw new OpSpecException(op + ": " + what + " must be between " + min + " and " + max + ", not " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new OpSpecException(op + ": " + what + " must be a number, not '" + text + "'");
        }
    }

    String required(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new OpSpecException(op + " needs " + what);
        }
        return text;
    }
}
