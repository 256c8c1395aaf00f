package io.tessera.console.profiles;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The profile editor's TLS part: for Redis and for ZooKeeper a trust file, a client key store with its password (kept
 * in the keystore like the other passwords) and the hostname check. Collapsed unless the profile has TLS files.
 */
final class TlsSection {
    private final TitledPane pane;
    private final GridPane grid = new GridPane();
    private int row;

    TlsSection(ProfileForm form) {
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);

        heading("Redis", "fth-zap");
        note("TLS is on with \"Use TLS\" or a rediss:// URI.");
        service(form.redisTlsFiles, null);
        heading("ZooKeeper", "fth-share-2");
        CheckBox zkOn = new CheckBox("Use TLS (the connect string names the secure client ports)");
        zkOn.setId("zkTls");
        zkOn.selectedProperty().bindBidirectional(form.zkTls.enabled);
        grid.add(zkOn, 1, row++);
        service(form.zkTls, zkOn);

        pane = new TitledPane("TLS: trusted certificates, client certificates", grid);
        pane.setGraphic(new FontIcon("fth-lock"));
        pane.getStyleClass().add("tls-section");
        pane.setId("tlsSection");
        pane.setExpanded(form.redisTlsFiles.enabled.get() || form.zkTls.enabled.get());
    }

    Node node() {
        return pane;
    }

    private void heading(String text, String icon) {
        Label label = new Label(text, new FontIcon(icon));
        label.getStyleClass().add("form-section");
        grid.add(label, 0, row++, 2, 1);
    }

    private void note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        grid.add(label, 1, row++);
    }

    /** The four fields of one service; with {@code switchOn}, usable only while it is ticked. */
    private void service(TlsFields fields, CheckBox switchOn) {
        String prefix = switchOn == null ? "redis" : "zk";
        Node trust = fileField(fields.trustFile, prefix + "TrustFile", "optional: CA certificates (PEM) or a PKCS#12 trust store; empty: the JVM's",
                "Trusted certificates");
        Node key = fileField(fields.keyStore, prefix + "KeyStore", "optional, for mutual TLS: certificate and key (PEM) or PKCS#12",
                "Client key store");
        PasswordField password = new PasswordField();
        password.setId(prefix + "KeyStorePassword");
        password.textProperty().bindBidirectional(fields.keyStorePassword);
        var stored = fields.keyStorePasswordStored();
        password.promptTextProperty().bind(Bindings.when(stored).then("stored in the keystore; type to replace")
                .otherwise("only for a PKCS#12 store or an encrypted key"));
        Hyperlink forget = new Hyperlink("Forget");
        forget.visibleProperty().bind(stored);
        forget.managedProperty().bind(forget.visibleProperty());
        forget.setOnAction(e -> fields.forgetKeyStorePassword());
        HBox passwordRow = new HBox(6, password, forget);
        HBox.setHgrow(password, Priority.ALWAYS);
        CheckBox hostname = new CheckBox("Check the server's name against its certificate");
        hostname.setId(prefix + "CheckHostname");
        hostname.selectedProperty().bindBidirectional(fields.checkHostname);

        Node[] rows = {labelled("Trust file", trust), labelled("Client key store", key), labelled("Key store password", passwordRow)};
        grid.add(hostname, 1, row++);
        if (switchOn != null) {
            for (Node each : rows) {
                each.disableProperty().bind(switchOn.selectedProperty().not());
            }
            hostname.disableProperty().bind(switchOn.selectedProperty().not());
        }
    }

    private Node labelled(String text, Node field) {
        Label label = new Label(text);
        grid.add(label, 0, row);
        grid.add(field, 1, row++);
        return field;
    }

    private static Node fileField(StringProperty value, String id, String prompt, String title) {
        TextField path = new TextField();
        path.setId(id);
        path.setPromptText(prompt);
        path.textProperty().bindBidirectional(value);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            File current = new File(path.getText());
            if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParentFile());
            }
            File chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                path.setText(chosen.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);
        return box;
    }
}
