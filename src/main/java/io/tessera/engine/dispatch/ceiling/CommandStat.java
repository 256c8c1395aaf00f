package io.tessera.engine.dispatch.ceiling;

/** One line of Redis {@code INFO commandstats}: a command's calls and the server's microseconds in it (a script's include what it called). */
public record CommandStat(String name, long calls, long usec) {
    CommandStat minus(CommandStat earlier) {
        return earlier == null ? this : new CommandStat(name, calls - earlier.calls, usec - earlier.usec);
    }
}
