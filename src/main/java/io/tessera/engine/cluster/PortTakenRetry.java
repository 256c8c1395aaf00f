package io.tessera.engine.cluster;

import java.net.BindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service again on another free port when the one it chose was taken before its server bound it: a free
 * port is found by binding and releasing it, and in between any process's connection or server may get it from the
 * kernel (two test JVMs starting clusters side by side did). A port the settings fix is never swapped.
 */
final class PortTakenRetry {
    private static final Logger LOG = LoggerFactory.getLogger(PortTakenRetry.class);
    static final int ATTEMPTS = 3;

    private PortTakenRetry() {}

    static String start(EmbeddedService service) throws ClusterStartException {
        for (int attempt = 1; ; attempt++) {
            try {
                return service.start();
            } catch (ClusterStartException e) {
                if (attempt >= ATTEMPTS || !service.choosesItsPort() || !portTaken(e)) {
                    throw e;
                }
                LOG.info("{}: the free port it chose was taken before it listened; choosing another ({})", service.kind().displayName(), e.getMessage());
            }
        }
    }

    static boolean portTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
