package io.tessera.console.profiles;

import java.io.File;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The profile editor's "HDFS sign-in" section: none, a principal with its keytab, or the ticket cache. Only the fields of
 * the chosen way show. The keytab is named by its path; its tooltip says it is the secret and should be owner-only.
 */
final class KerberosSection {
    private final KerberosForm form;
    private final GridPane grid = new GridPane();

    KerberosSection(KerberosForm form) {
        this.form = form;
        build();
    }

    Node node() {
        return grid;
    }

    private void build() {
        grid.setHgap(12);
        grid.setVgap(8);
        grid.getStyleClass().add("kerberos-section");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);

        Label title = new Label("HDFS sign-in (Kerberos)", new FontIcon("fth-key"));
        title.getStyleClass().add("form-section");
        grid.add(title, 0, 0, 2, 1);

        ChoiceBox<KerberosForm.Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(KerberosForm.Mode.values()));
        mode.valueProperty().bindBidirectional(form.mode);
        mode.setId("kerberosMode");
        mode.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(1, new Label("Kerberos"), mode);

        BooleanBinding keytabMode = form.mode.isEqualTo(KerberosForm.Mode.KEYTAB);
        BooleanBinding cacheMode = form.mode.isEqualTo(KerberosForm.Mode.TICKET_CACHE);

        TextField principal = field(form.principal.get(), "kerberosPrincipal");
        principal.textProperty().bindBidirectional(form.principal);
        principal.promptTextProperty().bind(javafx.beans.binding.Bindings.when(keytabMode)
                .then("alice@EXAMPLE.COM").otherwise("optional: the cache's own principal"));
        showWhen(keytabMode.or(cacheMode), addRow(2, "Principal", principal));

        TextField keytab = field(form.keytab.get(), "kerberosKeytab");
        keytab.textProperty().bindBidirectional(form.keytab);
        keytab.setPromptText("/etc/security/keytabs/alice.keytab (owner-only)");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseKeytab(keytab));
        HBox keytabRow = new HBox(6, keytab, browse);
        HBox.setHgrow(keytab, Priority.ALWAYS);
        showWhen(keytabMode, addRow(3, "Keytab", keytabRow));
        keytab.setTooltip(new Tooltip("The keytab is the secret: keep it owner-only (chmod 600). The profile stores its path, never a password."));

        TextField cache = field(form.ticketCache.get(), "kerberosTicketCache");
        cache.textProperty().bindBidirectional(form.ticketCache);
        cache.setPromptText("optional: default cache (KRB5CCNAME, else /tmp/krb5cc_<uid>)");
        showWhen(cacheMode, addRow(3, "Ticket cache", cache)); // the keytab's row: one of the two shows
    }

    private static TextField field(String text, String id) {
        TextField field = new TextField(text);
        field.setId(id);
        return field;
    }

    private Node[] addRow(int row, String label, Node field) {
        Label name = new Label(label);
        grid.add(name, 0, row); // not addRow: that appends after what the row holds already
        grid.add(field, 1, row);
        return new Node[] {name, field};
    }

    private static void showWhen(BooleanBinding condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    private void chooseKeytab(TextField keytab) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Keytab file");
        File current = new File(keytab.getText());
        if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParentFile());
        }
        File chosen = chooser.showOpenDialog(grid.getScene().getWindow());
        if (chosen != null) {
            keytab.setText(chosen.getAbsolutePath());
        }
    }
}
