package io.tessera.console.monitor;

import io.tessera.engine.monitor.MonitorMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A received message in one line: local arrival time, channel, and the start of the payload. */
final class MessageCell extends ListCell<MonitorMessage> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Label time = new Label();
    private final Label channel = new Label();
    private final Label type = new Label();
    private final Label preview = new Label();
    private final HBox row = new HBox(10, time, channel, type, preview);

    MessageCell() {
        time.getStyleClass().add("message-time");
        channel.getStyleClass().add("message-channel");
        type.getStyleClass().add("message-type");
        type.setMinWidth(USE_PREF_SIZE);
        type.managedProperty().bind(type.visibleProperty());
        preview.getStyleClass().add("message-preview");
        time.setMinWidth(USE_PREF_SIZE);
        channel.setMinWidth(USE_PREF_SIZE);
        channel.setMaxWidth(320);
        preview.setMaxWidth(Double.MAX_VALUE);
        preview.setMinWidth(0);
        // Without this a long preview widens the cell and the list scrolls sideways; the preview is cut instead.
        setPrefWidth(0);
        HBox.setHgrow(preview, Priority.ALWAYS);
        getStyleClass().add("message-cell");
    }

    @Override
    protected void updateItem(MonitorMessage message, boolean empty) {
        super.updateItem(message, empty);
        if (empty || message == null) {
            setGraphic(null);
            return;
        }
        time.setText(TIME.format(message.time()));
        channel.setText(message.channel());
        String text = PayloadPreview.of(message.payload());
        String eventType = PayloadPreview.typeOf(text);
        type.setText(eventType);
        type.setVisible(eventType != null);
        preview.setText(text);
        setGraphic(row);
    }
}
