package io.tessera.console.hdfs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The open folder's path as buttons, one per folder from the root. It takes the width the toolbar can spare and gives
 * way when there is not enough: the folders in the middle fold into a "…" menu (the root and the open folder stay,
 * and as many of the folders above the open one as fit), and the open folder's name is shortened last. Each button's
 * tooltip is its whole path.
 */
public final class PathCrumbs extends Region {
    /** The open folder's button is never narrower than this, however little room there is (its name ellipsized). */
    private static final double LAST_MIN_WIDTH = 72;

    private final List<Button> buttons = new ArrayList<>();
    private final List<Node> separators = new ArrayList<>();
    private final MenuButton folded = new MenuButton("…");
    private final Node foldedSeparator = separator();
    private Consumer<String> onOpen = path -> { };

    public PathCrumbs() {
        getStyleClass().add("path-crumbs");
        folded.getStyleClass().addAll("flat", "crumb", "crumb-folded");
        folded.setMinWidth(Region.USE_PREF_SIZE);
        folded.setTooltip(new Tooltip("Folders in between"));
        show("/");
    }

    public void setOnOpen(Consumer<String> onOpen) {
        this.onOpen = onOpen;
    }

    /** Shows a folder's path ("/a/b": "/", "a", "b"). */
    public void show(String path) {
        buttons.clear();
        separators.clear();
        List<String> steps = HdfsPaths.steps(path);
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            Button button = new Button(HdfsPaths.name(step));
            button.setMnemonicParsing(false);
            button.getStyleClass().addAll("flat", "crumb");
            if (i == steps.size() - 1) {
                button.getStyleClass().add("crumb-current");
            }
            button.setTooltip(new Tooltip(step));
            button.setOnAction(e -> onOpen.accept(step));
            buttons.add(button);
            if (i > 0) {
                separators.add(separator());
            }
        }
        getChildren().setAll(buttons);
        getChildren().addAll(separators);
        getChildren().addAll(folded, foldedSeparator);
        requestLayout();
    }

    /** The folders folded into the "…" menu at the current width (empty when all are shown). */
    List<String> foldedPaths() {
        return folded.getItems().stream().map(item -> (String) item.getUserData()).toList();
    }

    MenuButton foldedMenu() {
        return folded;
    }

    List<Button> buttons() {
        return buttons;
    }

    /**
     * Folded as far as it goes: the toolbar gives the crumbs whatever its other controls leave ({@code hgrow} ALWAYS;
     * they draw from the left), so the path gives way before the text fields do.
     */
    @Override
    protected double computePrefWidth(double height) {
        return computeMinWidth(height);
    }

    /** Every folder's button in full, with the separators. */
    private double fullWidth() {
        double width = snappedLeftInset() + snappedRightInset();
        for (Button b : buttons) {
            width += b.prefWidth(-1);
        }
        for (Node s : separators) {
            width += s.prefWidth(-1);
        }
        return width;
    }

    @Override
    protected double computeMinWidth(double height) {
        double width = snappedLeftInset() + snappedRightInset() + buttons.getFirst().prefWidth(-1);
        if (buttons.size() > 1) {
            width += Math.min(LAST_MIN_WIDTH, buttons.getLast().prefWidth(-1)) + separators.getLast().prefWidth(-1);
        }
        if (buttons.size() > 2) {
            width += folded.prefWidth(-1) + foldedSeparator.prefWidth(-1);
        }
        return width;
    }

    @Override
    protected double computePrefHeight(double width) {
        double height = folded.prefHeight(-1);
        for (Button b : buttons) {
            height = Math.max(height, b.prefHeight(-1));
        }
        return snappedTopInset() + snappedBottomInset() + height;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        int n = buttons.size();
        int firstShown = firstShown(room);
        List<MenuItem> hidden = new ArrayList<>();
        for (int i = 1; i < firstShown; i++) {
            String path = buttons.get(i).getTooltip().getText();
            MenuItem item = new MenuItem(buttons.get(i).getText());
            item.setMnemonicParsing(false);
            item.setUserData(path);
            item.setOnAction(e -> onOpen.accept(path));
            hidden.add(item);
        }
        if (!hidden.stream().map(MenuItem::getUserData).toList().equals(foldedPaths())) {
            folded.getItems().setAll(hidden);
        }
        boolean folding = !hidden.isEmpty();
        folded.setVisible(folding);
        foldedSeparator.setVisible(folding);

        double x = snappedLeftInset();
        double y = snappedTopInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        x = place(buttons.getFirst(), x, y, h, buttons.getFirst().prefWidth(-1));
        if (folding) {
            x = place(foldedSeparator, x, y, h, foldedSeparator.prefWidth(-1));
            x = place(folded, x, y, h, folded.prefWidth(-1));
        }
        for (int i = 1; i < n; i++) {
            boolean shown = i >= firstShown;
            buttons.get(i).setVisible(shown);
            separators.get(i - 1).setVisible(shown);
            if (shown) {
                x = place(separators.get(i - 1), x, y, h, separators.get(i - 1).prefWidth(-1));
                double width = i == n - 1 ? Math.max(Math.min(LAST_MIN_WIDTH, buttons.get(i).prefWidth(-1)),
                        Math.min(buttons.get(i).prefWidth(-1), snappedLeftInset() + room - x)) : buttons.get(i).prefWidth(-1);
                x = place(buttons.get(i), x, y, h, width);
            }
        }
    }

    /** The index of the first folder after the root shown in full: 1 when all fit, up to n - 1 (only the open one). */
    private int firstShown(double room) {
        int n = buttons.size();
        if (n <= 2 || fullWidth() - snappedLeftInset() - snappedRightInset() <= room) {
            return 1;
        }
        double used = buttons.getFirst().prefWidth(-1) + foldedSeparator.prefWidth(-1) + folded.prefWidth(-1)
                + separators.getLast().prefWidth(-1) + buttons.getLast().prefWidth(-1);
        int first = n - 1;
        for (int i = n - 2; i >= 1; i--) {
            double more = separators.get(i - 1).prefWidth(-1) + buttons.get(i).prefWidth(-1);
            if (used + more > room) {
                break;
            }
            used += more;
            first = i;
        }
        return first;
    }

    private double place(Node node, double x, double y, double height, double width) {
        layoutInArea(node, x, y, width, height, 0, HPos.LEFT, VPos.CENTER);
        return x + width;
    }

    private static Node separator() {
        FontIcon chevron = new FontIcon("fth-chevron-right");
        chevron.getStyleClass().add("crumb-separator");
        return chevron;
    }
}
