package io.tessera.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs `tessera …` in this JVM with a given Tessera home, capturing what it prints. */
record CliRun(int exitCode, String out, String err) {

    static synchronized CliRun run(Path home, String... args) {
        String previousHome = System.getProperty("tessera.home");
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("tessera.home", home.toString());
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = TesseraCommand.run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
            if (previousHome == null) {
                System.clearProperty("tessera.home");
            } else {
                System.setProperty("tessera.home", previousHome);
            }
        }
    }
}
