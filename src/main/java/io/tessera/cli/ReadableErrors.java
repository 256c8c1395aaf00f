package io.tessera.cli;

import io.tessera.engine.Reasons;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** A command that fails prints one line with the reason; the stack trace goes to the log file only. */
final class ReadableErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        LoggerFactory.getLogger(ReadableErrors.class).debug("{} failed", command.getCommandName(), e);
        String reason = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage().strip().lines().findFirst().orElse("") : Reasons.oneLine(e);
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + reason);
        return e instanceof UserError ue ? ue.exitCode() : 1;
    }

    /** An expected failure (bad input, unreachable server) with its exit code. */
    static final class UserError extends RuntimeException {
        private final int exitCode;

        UserError(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}
