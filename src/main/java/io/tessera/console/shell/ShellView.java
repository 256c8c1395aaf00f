package io.tessera.console.shell;

import io.tessera.console.common.Fxml;
import io.tessera.console.profiles.ProfileSwitcherView;
import io.tessera.console.theme.Theme;
import java.util.Map;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: toolbar, left navigation, the selected panel, and the status bar. */
public final class ShellView {
    private final ShellViewModel viewModel;
    private final ProfileSwitcherView profiles;
    private final Parent status;
    private final Parent startup;
    private final Map<Panel, Parent> panels;
    private final Image logo;
    private final Consumer<Window> about;
    private final Parent root;
    private final ToggleGroup navGroup = new ToggleGroup();
    @FXML private ImageView logoView;
    @FXML private StackPane profileSlot;
    @FXML private Button themeToggle;
    @FXML private Button aboutButton;
    @FXML private VBox nav;
    @FXML private StackPane content;
    @FXML private StackPane statusSlot;

    /** {@code about} opens the About dialog over the given window. */
    public ShellView(ShellViewModel viewModel, ProfileSwitcherView profiles, Parent status, Parent startup, Map<Panel, Parent> panels, Image logo,
                     Consumer<Window> about) {
        this.viewModel = viewModel;
        this.profiles = profiles;
        this.status = status;
        this.startup = startup;
        this.panels = panels;
        this.logo = logo;
        this.about = about;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        logoView.setImage(logo);
        profileSlot.getChildren().add(profiles.root());
        statusSlot.getChildren().add(status);
        for (Panel panel : Panel.values()) {
            nav.getChildren().add(navButton(panel));
            Parent view = panels.get(panel);
            view.visibleProperty().bind(viewModel.selectedProperty().isEqualTo(panel));
            content.getChildren().add(view);
        }
        content.getChildren().add(startup);
        navGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.select((Panel) now.getUserData());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> selectToggle(now));
        selectToggle(viewModel.selectedProperty().get());
        themeToggle.graphicProperty().bind(viewModel.themeProperty().map(theme -> new FontIcon(theme == Theme.LIGHT ? "fth-moon" : "fth-sun")));
        themeToggle.tooltipProperty().bind(viewModel.themeProperty().map(theme ->
                new Tooltip((theme == Theme.LIGHT ? "Dark" : "Light") + " theme (Ctrl+Shift+T)")));
        aboutButton.setGraphic(new FontIcon("fth-info"));
        aboutButton.setTooltip(new Tooltip("About Tessera (F1)"));
        content.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    private ToggleButton navButton(Panel panel) {
        ToggleButton button = new ToggleButton(panel.title(), new FontIcon(panel.iconLiteral()));
        button.setId("nav-" + panel.name().toLowerCase());
        button.setUserData(panel);
        button.setToggleGroup(navGroup);
        button.setContentDisplay(ContentDisplay.TOP);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().add("nav-button");
        button.setTooltip(new Tooltip(panel.title() + " (" + panel.shortcut() + ")"));
        return button;
    }

    private void selectToggle(Panel panel) {
        navGroup.getToggles().stream().filter(t -> t.getUserData() == panel).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private void installShortcuts(Scene scene) {
        var keys = scene.getAccelerators();
        for (Panel panel : Panel.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (panel.ordinal() + 1));
            keys.put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN), () -> viewModel.select(panel));
        }
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), viewModel::toggleTheme);
        keys.put(new KeyCodeCombination(KeyCode.F5), viewModel::checkNow);
        keys.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), profiles::add);
        keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), viewModel::quit);
        keys.put(new KeyCodeCombination(KeyCode.F1), this::showAbout);
    }

    @FXML
    private void showAbout() {
        about.accept(root.getScene().getWindow());
    }

    @FXML
    private void toggleTheme() {
        viewModel.toggleTheme();
    }

    public Parent root() {
        return root;
    }
}
