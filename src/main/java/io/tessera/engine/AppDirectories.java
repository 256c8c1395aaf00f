package io.tessera.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Tessera keeps its files, following the XDG base directory spec on Linux.
 * {@code TESSERA_HOME} (or the system property {@code tessera.home}) puts everything under one folder,
 * which tests and portable installs use.
 */
public record AppDirectories(Path config, Path data, Path state) {

    public static AppDirectories fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("tessera.home"), Path.of(System.getProperty("user.home")));
    }

    static AppDirectories resolve(Map<String, String> env, String homeProperty, Path userHome) {
        String override = homeProperty != null ? homeProperty : env.get("TESSERA_HOME");
        if (override != null && !override.isBlank()) {
            return under(Path.of(override));
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config"));
        Path data = xdg(env, "XDG_DATA_HOME", userHome.resolve(".local/share"));
        Path state = xdg(env, "XDG_STATE_HOME", userHome.resolve(".local/state"));
        return new AppDirectories(config.resolve("tessera"), data.resolve("tessera"), state.resolve("tessera"));
    }

    public static AppDirectories under(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        return new AppDirectories(abs.resolve("config"), abs.resolve("data"), abs.resolve("state"));
    }

    /** Data of the embedded local cluster: one folder per service. */
    public Path localCluster() {
        return data.resolve("local-cluster");
    }

    /** Fixed ports (and another data folder) for the local cluster; see {@code LocalClusterSettings.load}. */
    public Path localClusterSettingsFile() {
        return config.resolve("local-cluster.properties");
    }

    private static Path xdg(Map<String, String> env, String key, Path fallback) {
        String value = env.get(key);
        // The spec says relative paths are invalid and must be ignored.
        return value != null && value.startsWith("/") ? Path.of(value) : fallback;
    }
}
