package io.tessera.engine.cluster;

/** The embedded cluster could not start; the message is one readable line meant for the operator. */
public class ClusterStartException extends Exception {
    public ClusterStartException(String message) {
        super(message);
    }

    public ClusterStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
