package io.tessera.console.about;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build put into {@code io/tessera/version.properties} (Maven filters it): Tessera's version, the commit it
 * was built from, and the versions of the libraries bundled with it. Read from the file rather than from the libraries,
 * which the console may not touch.
 */
public record BuildInfo(String version, String commit, boolean dirty, String buildTime, String javafx, String hadoop,
                        String zooKeeper, String curator, String jedis, String opencv, String nativePlatform) {
    static final String UNKNOWN = "unknown";

    public static BuildInfo load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/tessera/version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // an unreadable file reads as unknown values
        }
        return from(props);
    }

    static BuildInfo from(Properties props) {
        return new BuildInfo(value(props, "version"), value(props, "commit"), Boolean.parseBoolean(value(props, "commit.dirty")),
                value(props, "build.time"), value(props, "javafx"), value(props, "hadoop"), value(props, "zookeeper"),
                value(props, "curator"), value(props, "jedis"), value(props, "opencv"), value(props, "javacpp.platform"));
    }

    /** A value, or "unknown" when missing or left unfiltered (classes run from an IDE). */
    private static String value(Properties props, String key) {
        String value = props.getProperty(key, "").strip();
        return value.isEmpty() || value.contains("${") ? UNKNOWN : value;
    }
}
