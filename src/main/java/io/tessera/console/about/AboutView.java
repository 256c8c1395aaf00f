package io.tessera.console.about;

import io.tessera.console.common.Fxml;
import io.tessera.console.common.Stylesheets;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** The About dialog: the view model's rows, and Copy, which puts them on the clipboard as text for a bug report. */
public final class AboutView {
    static final ButtonType COPY = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);
    private final AboutViewModel viewModel;
    private final Image logoImage;
    private final Parent root;
    @FXML private ImageView logo;
    @FXML private GridPane details;
    @FXML private Label status;

    public AboutView(AboutViewModel viewModel, Image logoImage) {
        this.viewModel = viewModel;
        this.logoImage = logoImage;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        logo.setImage(logoImage);
        List<AboutViewModel.Row> rows = viewModel.rows();
        for (int i = 0; i < rows.size(); i++) {
            Label key = new Label(rows.get(i).label());
            key.getStyleClass().add("detail-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(rows.get(i).value());
            value.setId("about-" + rows.get(i).label().toLowerCase().replace(' ', '-'));
            value.setWrapText(true);
            details.addRow(i, key, value);
        }
        status.textProperty().bind(viewModel.statusProperty());
    }

    /** Shows the dialog over {@code owner} until it is closed; Copy leaves it open. */
    public void show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Tessera");
        dialog.getDialogPane().getStylesheets().add(Stylesheets.APP);
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().setAll(COPY, ButtonType.CLOSE);
        Button copy = (Button) dialog.getDialogPane().lookupButton(COPY);
        copy.setId("about-copy");
        copy.setGraphic(new FontIcon("fth-copy"));
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setId("about-close");
        copy.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.copy(text -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text)));
        });
        dialog.show();
    }

    public Parent root() {
        return root;
    }
}
