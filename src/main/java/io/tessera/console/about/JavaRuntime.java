package io.tessera.console.about;

/** The Java this console runs on (the installer bundles its own), the JavaFX it loaded, and the OS. */
public record JavaRuntime(String version, String vendor, String home, String javafx, String os) {

    public static JavaRuntime current() {
        return new JavaRuntime(Runtime.version().toString(), System.getProperty("java.vendor", ""), System.getProperty("java.home", ""),
                System.getProperty("javafx.runtime.version", ""),
                System.getProperty("os.name", "") + " " + System.getProperty("os.version", "") + " " + System.getProperty("os.arch", ""));
    }
}
