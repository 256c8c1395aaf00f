package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Points the log file at the state folder and routes java.util.logging into the one backend. */
final class Logging {
    private Logging() {}

    static void configure(AppDirectories dirs) {
        if (System.getProperty("tessera.log.dir") == null) {
            // TESSERA_LOG_DIR: a service unit's log folder (/var/log/tessera)
            String fromEnvironment = System.getenv("TESSERA_LOG_DIR");
            boolean given = fromEnvironment != null && !fromEnvironment.isBlank();
            System.setProperty("tessera.log.dir", given ? fromEnvironment : dirs.state().resolve("logs").toString());
        }
        // Initialise the backend now, on one thread, before server threads start logging at once.
        LoggerFactory.getILoggerFactory();
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
