package io.tessera.engine.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A pointer to a secret, never the secret itself; this is what a profile file holds.
 * {@code keystore:<id>} names an entry of Tessera's encrypted keystore; {@code env:<NAME>} an
 * environment variable, for workers started by a service manager.
 */
public record SecretRef(String value) {

    public SecretRef {
        if (value == null || !(value.startsWith("keystore:") || value.startsWith("env:")) || value.indexOf(':') == value.length() - 1) {
            throw new IllegalArgumentException("A secret reference is keystore:<id> or env:<VARIABLE>, not '" + value + "'");
        }
    }

    @JsonCreator
    public static SecretRef of(String value) {
        return new SecretRef(value);
    }

    public static SecretRef keystore(String id) {
        return new SecretRef("keystore:" + id);
    }

    public static SecretRef env(String variable) {
        return new SecretRef("env:" + variable);
    }

    public boolean isEnvironment() {
        return value.startsWith("env:");
    }

    public String name() {
        return value.substring(value.indexOf(':') + 1);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
