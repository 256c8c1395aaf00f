package io.tessera.engine.sim;

/** A sim could not be made, changed or removed; the message is one readable line for the operator. */
public class SimException extends Exception {
    public SimException(String message) {
        super(message);
    }

    public SimException(String message, Throwable cause) {
        super(message, cause);
    }
}
