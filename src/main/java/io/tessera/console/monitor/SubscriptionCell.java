package io.tessera.console.monitor;

import io.tessera.engine.monitor.Subscription;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A subscription: kind icon, name, rate and count, and a remove button; dimmed until the server confirmed it. */
final class SubscriptionCell extends ListCell<SubscriptionRow> {
    private final FontIcon icon = new FontIcon();
    private final Label name = new Label();
    private final Label traffic = new Label();
    private final Button remove = new Button(null, new FontIcon("fth-x"));
    private final HBox row;
    private final Tooltip tip = new Tooltip();

    SubscriptionCell(Consumer<Subscription> onRemove) {
        name.getStyleClass().add("subscription-name");
        traffic.getStyleClass().add("subscription-traffic");
        remove.getStyleClass().addAll("button-icon", "flat", "subscription-remove");
        remove.setTooltip(new Tooltip("Unsubscribe"));
        remove.setOnAction(e -> {
            if (getItem() != null) {
                onRemove.accept(getItem().subscription());
            }
        });
        VBox text = new VBox(1, name, traffic);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(8, icon, text, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("subscription-row");
        getStyleClass().add("subscription-cell");
    }

    @Override
    protected void updateItem(SubscriptionRow item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Subscription s = item.subscription();
        icon.setIconLiteral(switch (s.kind()) {
            case CHANNEL -> "fth-hash";
            case PATTERN -> "fth-filter";
            case SHARD_CHANNEL -> "fth-share-2";
        });
        name.setText(s.name());
        traffic.setText(s.kind().title() + " · " + item.traffic() + (item.active() ? "" : " · waiting for the server"));
        row.pseudoClassStateChanged(INACTIVE, !item.active());
        tip.setText(s.kind().command() + " " + s.name());
        setTooltip(tip);
        setGraphic(row);
    }

    private static final javafx.css.PseudoClass INACTIVE = javafx.css.PseudoClass.getPseudoClass("inactive");
}
