package io.tessera.console.connection;

import io.tessera.engine.actions.WriteAccess;
import io.tessera.engine.connect.ConnectionTarget;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Whether the active profile lets the operator change anything, for the panels: every write control (upload, new
 * folder, rename, trash, delete, launch, cancel, znode edits, drain, …) is disabled while {@link #refused()}, with
 * {@link #reason()} as its tooltip. The action services refuse such writes anyway; this keeps them out of reach.
 * On the UI thread.
 */
public final class Writes {
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");

    /** Following the active target: a read-only profile refuses writes. */
    Writes(ObservableValue<ConnectionTarget> target) {
        show(target.getValue());
        target.addListener((obs, old, now) -> show(now));
    }

    private void show(ConnectionTarget target) {
        WriteAccess access = target == null ? WriteAccess.ALLOWED : WriteAccess.of(target);
        reason.set(access.reason());
        refused.set(!access.allowed());
    }

    /** True while the active profile is read-only. */
    public ReadOnlyBooleanProperty refused() {
        return refused.getReadOnlyProperty();
    }

    /** Why writes are refused ("profile 'Prod viewer' is read-only: …"); empty while they are allowed. */
    public ReadOnlyStringProperty reason() {
        return reason.getReadOnlyProperty();
    }

    /** Disabled when {@code otherwise} says so, or while writes are refused. */
    public BooleanExpression disabledUnless(ObservableValue<Boolean> otherwise) {
        return BooleanExpression.booleanExpression(otherwise).or(refused);
    }
}
