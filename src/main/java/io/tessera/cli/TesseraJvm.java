package io.tessera.cli;

import java.util.ArrayList;
import java.util.List;

/** The command line of `tessera …` in a fresh JVM, with this JVM's Java and class path: benchmarks start such processes. */
final class TesseraJvm {
    private TesseraJvm() {}

    static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TesseraCommand.class.getName()));
        command.addAll(args);
        return command;
    }
}
