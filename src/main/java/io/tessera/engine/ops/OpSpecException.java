package io.tessera.engine.ops;

/** A spec that does not describe a valid op; the message says what is wrong and how a right one looks. */
public final class OpSpecException extends IllegalArgumentException {
    public OpSpecException(String message) {
        super(message);
    }
}
