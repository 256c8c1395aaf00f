package io.tessera.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The ERROR lines of a Tessera log file, each with the stack trace that follows it, for a failure message that says why. */
public final class LogErrors {
    private LogErrors() {}

    public static List<String> in(Path logFile) {
        try {
            return in(Files.readString(logFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Those of a log's text. */
    public static List<String> in(String log) {
        List<String> errors = new ArrayList<>();
        boolean inTrace = false;
        for (String line : log.lines().toList()) {
            boolean traceLine = line.startsWith("\t") || line.startsWith("Caused by") || line.matches("^[\\w.$]+(Exception|Error)\\b.*");
            if (line.contains(" ERROR ")) {
                errors.add(line);
                inTrace = true;
            } else if (inTrace && traceLine) {
                errors.set(errors.size() - 1, errors.getLast() + "\n" + line);
            } else {
                inTrace = false;
            }
        }
        return errors;
    }
}
