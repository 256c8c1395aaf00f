package io.tessera.console.profiles;

import io.tessera.console.common.DialogFit;
import io.tessera.console.common.Fxml;
import io.tessera.console.common.Stylesheets;
import io.tessera.console.status.ServiceStatusModel;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.profile.ConnectionProfile;
import java.io.File;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** The add / edit profile dialog: binds the form, shows problems and test results inline. */
public final class ProfileEditorView {
    private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final ProfileEditorViewModel viewModel;
    private final Parent root;
    @FXML private TextField name, hdfsUri, hadoopConfDir, hdfsUser, zkConnect, zkChroot, zkUser, redisUri, redisUser;
    @FXML private PasswordField zkPassword, redisPassword;
    @FXML private Hyperlink forgetZkPassword, forgetRedisPassword;
    @FXML private CheckBox redisTls;
    @FXML private CheckBox readOnly;
    @FXML private Button testConnection;
    @FXML private ProgressIndicator testing;
    @FXML private Label testSummary, message;
    @FXML private VBox testResults, problems;

    public ProfileEditorView(ProfileEditorViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
        ((VBox) root).getChildren().add(1, new KerberosSection(viewModel.form().kerberos).node());
        ((VBox) root).getChildren().add(2, new TlsSection(viewModel.form()).node());
    }

    @FXML
    private void initialize() {
        ProfileForm form = viewModel.form();
        bind(name, form.name);
        bind(hdfsUri, form.hdfsUri);
        bind(hadoopConfDir, form.hadoopConfDir);
        bind(hdfsUser, form.hdfsUser);
        bind(zkConnect, form.zkConnect);
        bind(zkChroot, form.zkChroot);
        bind(zkUser, form.zkUser);
        bind(redisUri, form.redisUri);
        bind(redisUser, form.redisUser);
        redisTls.selectedProperty().bindBidirectional(form.redisTls);
        readOnly.selectedProperty().bindBidirectional(form.readOnly);
        StoredPasswordHint.bind(zkPassword, forgetZkPassword, form.zkPassword, "optional");
        StoredPasswordHint.bind(redisPassword, forgetRedisPassword, form.redisPassword, "optional");

        var state = viewModel.testState();
        testing.visibleProperty().bind(state.isEqualTo(ProfileEditorViewModel.TestState.TESTING));
        testConnection.disableProperty().bind(testing.visibleProperty());
        testSummary.textProperty().bind(Bindings.createStringBinding(() -> switch (state.get()) {
            case NOT_TESTED -> "Not tested yet";
            case TESTING -> "Testing…";
            case PASSED -> "All three services answered";
            case FAILED -> "Some services did not answer";
        }, state));
        viewModel.testResults().addListener((ListChangeListener<ServiceHealth>) change -> showResults());
        viewModel.problems().addListener((ListChangeListener<String>) change -> showProblems());
        viewModel.showProblems().addListener((obs, old, now) -> showProblems());
        showProblems();
        message.textProperty().bind(viewModel.message());
        message.visibleProperty().bind(viewModel.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.visibleProperty().addListener((obs, old, now) -> fitWindow());
    }

    private static void bind(TextField field, javafx.beans.property.StringProperty property) {
        field.textProperty().bindBidirectional(property);
    }

    private void showResults() {
        testResults.getChildren().setAll(viewModel.testResults().stream().map(ProfileEditorView::resultLine).toList());
        fitWindow();
    }

    private static Node resultLine(ServiceHealth health) {
        Circle dot = new Circle(4.5);
        dot.getStyleClass().add("status-dot");
        String name = health.service().displayName();
        Label line = new Label(health.summary().startsWith(name) ? health.summary() : name + ": " + health.summary(), dot);
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.setGraphicTextGap(8);
        line.getStyleClass().addAll("test-result", ServiceStatusModel.styleClassOf(health.state()));
        return line;
    }

    private void fitWindow() {
        DialogFit.later(root);
    }

    private void showProblems() {
        boolean show = viewModel.showProblems().get() && !viewModel.problems().isEmpty();
        problems.getChildren().setAll(viewModel.problems().stream().map(line -> {
            Label label = new Label(line);
            label.setWrapText(true);
            return label;
        }).toList());
        problems.setVisible(show);
        problems.setManaged(show);
        fitWindow();
    }

    @FXML
    private void testConnection() {
        viewModel.testConnection();
    }

    @FXML
    private void chooseConfDir() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Hadoop configuration folder");
        File current = new File(hadoopConfDir.getText());
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            hadoopConfDir.setText(chosen.getAbsolutePath());
        }
    }

    /** Shows the dialog and returns the saved profile, or empty when cancelled. */
    public Optional<ConnectionProfile> showAndWait(Window owner) {
        Dialog<ConnectionProfile> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(viewModel.title());
        dialog.setHeaderText("Passwords are kept in Tessera's encrypted keystore, never in the profile file.");
        dialog.setGraphic(new FontIcon("fth-server"));
        dialog.getDialogPane().getStylesheets().add(Stylesheets.APP);
        // the form is taller than a small screen (1280x800) with its Kerberos and TLS parts: it scrolls, so that the
        // dialog (header and buttons ≈ 220 px more) is never taller than the main window
        double room = (owner != null ? owner.getHeight() : javafx.stage.Screen.getPrimary().getVisualBounds().getHeight()) - 220;
        ScrollPane scroll = new ScrollPane(root) {
            @Override
            protected double computePrefHeight(double width) {
                return Math.min(super.computePrefHeight(width), Math.max(160, room));
            }
        };
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("profile-editor-scroll");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, SAVE);
        dialog.setResultConverter(button -> null);
        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.disableProperty().bind(viewModel.saving());
        save.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.save(saved -> {
                dialog.setResult(saved);
                dialog.close();
            });
        });
        return dialog.showAndWait();
    }
}
