package io.tessera.console.profiles;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.PasswordField;

/** A password field bound to a {@link StoredPassword}: its prompt says when one is stored, and a link beside it forgets it. */
final class StoredPasswordHint {
    private StoredPasswordHint() {}

    /** @param prompt the field's prompt while nothing is stored */
    static void bind(PasswordField field, Hyperlink forget, StoredPassword password, String prompt) {
        field.textProperty().bindBidirectional(password.typed);
        field.promptTextProperty().bind(Bindings.when(password.stored()).then("stored in the keystore; type to replace").otherwise(prompt));
        forget.visibleProperty().bind(password.stored());
        forget.managedProperty().bind(forget.visibleProperty());
        forget.setOnAction(e -> password.forget());
    }
}
