package io.tessera.console.app;

/**
 * A plain main class for the console. The java launcher refuses a main class that extends
 * {@code Application} when JavaFX is on the class path rather than the module path.
 */
public final class ConsoleMain {
    private ConsoleMain() {}

    public static void main(String[] args) {
        TesseraApp.launch(args);
    }
}
