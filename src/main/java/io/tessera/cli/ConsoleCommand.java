package io.tessera.cli;

import io.tessera.console.app.TesseraApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `tessera console` (and plain `tessera`): the desktop console on the embedded local cluster. */
@Command(name = "console", mixinStandardHelpOptions = true, description = "Open the console window (the default command).")
final class ConsoleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        // Returns when the window has closed and the local cluster has stopped.
        TesseraApp.launch();
        return 0;
    }
}
