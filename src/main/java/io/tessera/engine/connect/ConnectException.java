package io.tessera.engine.connect;

/** A connection could not be made or a profile not resolved; the message is one line for the operator. */
public class ConnectException extends Exception {
    public ConnectException(String message) {
        super(message);
    }

    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
