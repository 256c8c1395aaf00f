package io.tessera.console.profiles;

import io.tessera.engine.profile.SecretRef;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A password field of the profile editor whose saved value lives in the keystore: empty keeps the stored one, typing
 * replaces it, {@link #forget()} drops it when the profile is saved. A stored secret is never read back into the field.
 */
public final class StoredPassword {
    public final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper stored = new ReadOnlyBooleanWrapper();
    private SecretRef ref;

    void load(SecretRef saved) {
        ref = saved;
        stored.set(saved != null);
    }

    public ReadOnlyBooleanProperty stored() {
        return stored.getReadOnlyProperty();
    }

    /** Drops the stored password when the profile is saved. */
    public void forget() {
        stored.set(false);
    }

    /** What the editor watches for changes. */
    List<Observable> fields() {
        return List.of(typed, stored);
    }

    /** @param needed whether the setting it belongs to is there at all (a password for no file or no user is dropped) */
    SecretField field(boolean needed) {
        boolean wanted = needed && (!typed.get().isEmpty() || stored.get());
        return new SecretField(ref, stored.get(), wanted, typed.get().toCharArray());
    }
}
