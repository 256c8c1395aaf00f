package io.tessera.console.profiles;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The profile editor's TLS part: for Redis and for ZooKeeper a trust file and a client key store, each with its password
 * (kept in the keystore like the other passwords), and the hostname check. One line in the editor says what is set; the fields
 * open in a dialog of their own (two tabs), so the editor stays short enough for a 1280x800 screen.
 */
final class TlsSection {
    private final TabPane tabs;
    private final HBox row;
    private int line;

    TlsSection(ProfileForm form) {
        GridPane redis = grid();
        note(redis, "TLS is on with \"Use TLS\" or a rediss:// URI.");
        service(redis, form.redisTlsFiles, null);
        GridPane zooKeeper = grid();
        CheckBox zkOn = new CheckBox("Use TLS (name the secure client ports above)");
        zkOn.setId("zkTls");
        zkOn.selectedProperty().bindBidirectional(form.zkTls.enabled);
        zooKeeper.add(zkOn, 1, line++);
        service(zooKeeper, form.zkTls, zkOn);

        tabs = new TabPane(tab("Redis", "fth-zap", redis), tab("ZooKeeper", "fth-share-2", zooKeeper));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefWidth(600);

        Label summary = new Label();
        summary.setId("tlsSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("text-muted");
        List<Observable> watched = new ArrayList<>(form.redisTlsFiles.fields());
        watched.addAll(form.zkTls.fields());
        watched.add(form.redisTls);
        watched.add(form.redisUri);
        summary.textProperty().bind(Bindings.createStringBinding(() -> "Redis: "
                        + describe(form.redisTlsFiles, form.redisTls.get() || form.redisUri.get().strip().startsWith("rediss"))
                        + ". ZooKeeper: " + describe(form.zkTls, form.zkTls.enabled.get()) + ".", watched.toArray(Observable[]::new)));
        Button edit = new Button("TLS settings…", new FontIcon("fth-lock"));
        edit.setId("tlsSettings");
        edit.setMinWidth(Region.USE_PREF_SIZE);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        edit.setOnAction(e -> showDialog(edit));
        Label label = new Label("TLS");
        label.setMinWidth(130);
        row = new HBox(12, label, summary, edit);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
    }

    /** "JVM trust store", "trust file ca.pem, client certificate", "off". */
    private static String describe(TlsFields fields, boolean on) {
        if (!on) {
            return "off";
        }
        String trust = fields.trustFile.get().isBlank() ? "the JVM's trust store" : "trust file " + java.nio.file.Path.of(fields.trustFile.get().strip()).getFileName();
        return trust + (fields.keyStore.get().isBlank() ? "" : ", client certificate") + (fields.checkHostname.get() ? "" : ", no hostname check");
    }

    /** The fields in a dialog of their own, bound to the form: the editor itself stays short enough for a small screen. */
    private void showDialog(Node owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle("TLS settings");
        dialog.setHeaderText("Trusted certificates and client certificates. Empty trust file: the JVM's trust store. Passwords go to the keystore.");
        dialog.setGraphic(new FontIcon("fth-lock"));
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().setContent(tabs);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.showAndWait();
        dialog.getDialogPane().setContent(null);
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(10, 0, 4, 0));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(140);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        line = 0;
        return grid;
    }

    private static Tab tab(String text, String icon, Node content) {
        Tab tab = new Tab(text, content);
        tab.setGraphic(new FontIcon(icon));
        return tab;
    }

    Node node() {
        return row;
    }

    private void note(GridPane grid, String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        grid.add(label, 1, line++);
    }

    /** The five fields of one service; with {@code switchOn}, usable only while it is ticked. */
    private void service(GridPane grid, TlsFields fields, CheckBox switchOn) {
        String prefix = switchOn == null ? "redis" : "zk";
        Node trust = fileField(fields.trustFile, prefix + "TrustFile", "optional: CA certs (PEM, PKCS#12, JKS)",
                "Trusted certificates");
        Node trustPassword = passwordRow(fields.trustPassword, prefix + "TrustPassword", "only for a PKCS#12 or JKS trust store");
        Node key = fileField(fields.keyStore, prefix + "KeyStore", "optional, mutual TLS: key + certificate",
                "Client key store");
        Node keyPassword = passwordRow(fields.keyStorePassword, prefix + "KeyStorePassword", "only for a PKCS#12 store or an encrypted key");
        CheckBox hostname = new CheckBox("Check the server's name against its certificate");
        hostname.setId(prefix + "CheckHostname");
        hostname.selectedProperty().bindBidirectional(fields.checkHostname);

        Node[] rows = {labelled(grid, "Trust file", trust), labelled(grid, "Trust file password", trustPassword),
            labelled(grid, "Client key store", key), labelled(grid, "Key store password", keyPassword)};
        grid.add(hostname, 1, line++);
        if (switchOn != null) {
            for (Node each : rows) {
                each.disableProperty().bind(switchOn.selectedProperty().not());
            }
            hostname.disableProperty().bind(switchOn.selectedProperty().not());
        }
    }

    /** A password field that says when one is stored, with a link that forgets it. */
    private static Node passwordRow(StoredPassword password, String id, String prompt) {
        PasswordField field = new PasswordField();
        field.setId(id);
        Hyperlink forget = new Hyperlink("Forget");
        StoredPasswordHint.bind(field, forget, password, prompt);
        HBox row = new HBox(6, field, forget);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }

    private Node labelled(GridPane grid, String text, Node field) {
        Label label = new Label(text);
        grid.add(label, 0, line);
        grid.add(field, 1, line++);
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
