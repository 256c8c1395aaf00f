package io.tessera.engine.actions;

import java.io.IOException;

/** A write refused because the profile it would go through is read-only; the message says so in one line. */
public final class ReadOnlyException extends IOException {
    public ReadOnlyException(String reason) {
        super(reason);
    }
}
