package io.tessera.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Tessera's version, from the build. */
public final class Version {
    private static final String VALUE = load();

    private Version() {}

    public static String get() {
        return VALUE;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/io/tessera/version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
