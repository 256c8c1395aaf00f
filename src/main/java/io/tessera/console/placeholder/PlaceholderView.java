package io.tessera.console.placeholder;

import io.tessera.console.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/** A calm empty state for a panel that is not built yet. */
public final class PlaceholderView {
    private final PlaceholderViewModel viewModel;
    private final Parent root;
    @FXML private FontIcon icon;
    @FXML private Label title;
    @FXML private Label headline;
    @FXML private Label description;

    public PlaceholderView(PlaceholderViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        icon.setIconLiteral(viewModel.iconLiteral());
        title.setText(viewModel.title());
        headline.setText(viewModel.headline());
        description.setText(viewModel.description());
    }

    public Parent root() {
        return root;
    }
}
