package io.tessera.console.about;

/**
 * The Java this console runs on (the installer bundles its own), the JavaFX it loaded, the OS, and the installed package
 * (its version and launcher, which jpackage's launchers pass as system properties; blank from a build tree).
 */
public record JavaRuntime(String version, String vendor, String home, String javafx, String os, String packageVersion, String launcher) {

    public static JavaRuntime current() {
        return new JavaRuntime(Runtime.version().toString(), System.getProperty("java.vendor", ""), System.getProperty("java.home", ""),
                System.getProperty("javafx.runtime.version", ""),
                System.getProperty("os.name", "") + " " + System.getProperty("os.version", "") + " " + System.getProperty("os.arch", ""),
                System.getProperty("jpackage.app-version", ""), System.getProperty("jpackage.app-path", ""));
    }
}
