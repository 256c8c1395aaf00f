package io.tessera.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The systemd units of `tessera worker`, as the Linux package installs them (packaging/linux/system/, copied into the
 * jar by the build): the one worker of a host, and a template for several (one per profile). Printed with the path of
 * the running launcher when it is not the package's.
 */
final class WorkerUnits {
    static final String PACKAGED_LAUNCHER = "/opt/tessera/bin/tessera";
    private static final Map<String, String> FILES = Map.of("service", "tessera-worker.service", "template", "tessera-worker@.service");

    private WorkerUnits() {}

    /** The unit named by {@code kind} ("service" or "template") for a launcher at {@code launcher}. */
    static String unit(String kind, String launcher) {
        String file = FILES.get(kind);
        if (file == null) {
            throw new ReadableErrors.UserError("--print-unit takes 'service' (tessera-worker.service) or 'template' "
                    + "(tessera-worker@.service, one worker per profile), not '" + kind + "'", 2);
        }
        try (InputStream in = WorkerUnits.class.getResourceAsStream("service/" + file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return launcher == null || launcher.isBlank() ? text : text.replace(PACKAGED_LAUNCHER, launcher);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The launcher this JVM was started by (jpackage's launchers say), or null from a build tree. */
    static String runningLauncher() {
        return System.getProperty("jpackage.app-path");
    }
}
