package io.tessera.console.jobs;

import io.tessera.engine.ops.OpSpec;
import io.tessera.engine.ops.OpSpecException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One op in the pipeline builder: its kind, a text value per form field, and the spec they make with the
 * engine parser's verdict on it (empty when valid). Lives on the UI thread.
 */
public final class OpDraft {
    private final OpKind kind;
    private final List<StringProperty> values = new ArrayList<>();
    private final ReadOnlyStringWrapper spec = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public OpDraft(OpKind kind) {
        this.kind = kind;
        for (OpKind.OpField field : kind.fields()) {
            StringProperty value = new SimpleStringProperty(field.initial());
            value.addListener((obs, old, now) -> check());
            values.add(value);
        }
        check();
    }

    private void check() {
        String text = kind.spec(values.stream().map(StringProperty::get).toList());
        spec.set(text);
        try {
            OpSpec.parse(text);
            error.set("");
        } catch (OpSpecException bad) {
            error.set(bad.getMessage());
        }
    }

    public OpKind kind() {
        return kind;
    }

    /** The value of the i-th field of {@link OpKind#fields()}. */
    public StringProperty value(int field) {
        return values.get(field);
    }

    public ReadOnlyStringProperty spec() {
        return spec.getReadOnlyProperty();
    }

    /** Why the spec is not valid, or empty. */
    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return spec.get();
    }
}
