package io.tessera.console.monitor;

import io.tessera.console.common.Formats;
import io.tessera.console.common.Fxml;
import io.tessera.console.shards.DataFormat;
import io.tessera.engine.monitor.MonitorMessage;
import io.tessera.engine.monitor.MonitorState;
import io.tessera.engine.monitor.SubscriptionKind;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/** The Pub/Sub tab: subscriptions on the left, messages and the publish box in the centre, the payload on the right. */
public final class PubSubView {
    private static final PseudoClass RECONNECTING = PseudoClass.getPseudoClass("reconnecting");
    private static final PseudoClass LISTENING = PseudoClass.getPseudoClass("listening");

    private final PubSubViewModel viewModel;
    private final Parent root;
    private final ToggleGroup formats = new ToggleGroup();
    @FXML private ComboBox<SubscriptionKind> kindChoice;
    @FXML private TextField subscribeField;
    @FXML private Button subscribeButton;
    @FXML private ListView<SubscriptionRow> subscriptionList;
    @FXML private Label stateLabel;
    @FXML private ListView<String> serverList;
    @FXML private Label serverSummary;
    @FXML private Label problem;
    @FXML private Label message;
    @FXML private Label messageCount;
    @FXML private ListView<MonitorMessage> messageList;
    @FXML private TextField publishChannel;
    @FXML private CheckBox publishSharded;
    @FXML private Button publishButton;
    @FXML private TextArea publishPayload;
    @FXML private Label payloadInfo;
    @FXML private ToggleButton textFormat;
    @FXML private ToggleButton jsonFormat;
    @FXML private ToggleButton hexFormat;
    @FXML private TextArea payloadArea;

    public PubSubView(PubSubViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        kindChoice.getItems().setAll(SubscriptionKind.values());
        kindChoice.setValue(SubscriptionKind.PATTERN);
        kindChoice.setButtonCell(kindCell());
        kindChoice.setCellFactory(list -> kindCell());
        subscribeField.setText("tessera:events:*");
        subscriptionList.setItems(viewModel.subscriptions());
        subscriptionList.setCellFactory(list -> new SubscriptionCell(viewModel::unsubscribe));
        subscriptionList.setPlaceholder(placeholder("Nothing subscribed yet: add a channel or a pattern above"));

        serverList.setItems(viewModel.serverChannels());
        Label noChannels = placeholder("");
        noChannels.textProperty().bind(viewModel.serverSummary().map(s -> s.isEmpty() ? "Refresh to list the active channels" : "No active channels"));
        serverList.setPlaceholder(noChannels);
        serverSummary.textProperty().bind(viewModel.serverSummary());
        showLine(serverSummary, viewModel.serverSummary().isNotEmpty());
        stateLabel.textProperty().bind(viewModel.state());
        viewModel.phase().subscribe(phase -> {
            stateLabel.pseudoClassStateChanged(RECONNECTING, phase == MonitorState.Phase.RECONNECTING);
            stateLabel.pseudoClassStateChanged(LISTENING, phase == MonitorState.Phase.LISTENING);
        });
        showLine(problem, viewModel.problem().isNotEmpty());
        problem.textProperty().bind(viewModel.problem());
        showLine(message, viewModel.message().isNotEmpty());
        message.textProperty().bind(viewModel.message());

        messageList.setItems(viewModel.messages());
        messageList.setCellFactory(list -> new MessageCell());
        messageList.setPlaceholder(placeholder("No messages yet: they appear here, newest first"));
        messageList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selected().set(now));
        viewModel.selected().addListener((obs, old, now) -> {
            if (now == null) {
                messageList.getSelectionModel().clearSelection();
            }
        });
        messageCount.textProperty().bind(Bindings.createStringBinding(() -> Formats.number(viewModel.messages().size()) + " shown"
                + (viewModel.trimmed().get() > 0 ? " · " + Formats.number(viewModel.trimmed().get()) + " older ones dropped (the list keeps "
                + Formats.number(PubSubViewModel.MESSAGE_LIMIT) + ")" : ""), viewModel.messages(), viewModel.trimmed()));

        publishChannel.setText("tessera:events:test");
        publishPayload.setText("{\"type\":\"TEST\",\"from\":\"Tessera monitor\"}");
        publishButton.disableProperty().bind(publishChannel.textProperty().isEmpty());
        subscribeButton.disableProperty().bind(subscribeField.textProperty().isEmpty());

        payloadInfo.textProperty().bind(viewModel.payloadInfo());
        payloadArea.textProperty().bind(viewModel.payload());
        payloadArea.setPromptText("Select a message to see its payload");
        Map.of(textFormat, DataFormat.TEXT, jsonFormat, DataFormat.JSON, hexFormat, DataFormat.HEX).forEach((toggle, format) -> {
            toggle.setToggleGroup(formats);
            toggle.setUserData(format);
        });
        viewModel.format().subscribe(this::selectFormat);
        formats.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.format().set((DataFormat) now.getUserData());
            }
        });
    }

    private static ListCell<SubscriptionKind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(SubscriptionKind kind, boolean empty) {
                super.updateItem(kind, empty);
                setText(empty || kind == null ? null : kind.title());
            }
        };
    }

    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        label.setPadding(new javafx.geometry.Insets(12));
        return label;
    }

    private static void showLine(Label label, ObservableBooleanValue when) {
        label.visibleProperty().bind(when);
        label.managedProperty().bind(label.visibleProperty());
    }

    private void selectFormat(DataFormat format) {
        formats.getToggles().stream().filter(t -> t.getUserData() == format).findFirst().ifPresent(t -> t.setSelected(true));
    }

    @FXML
    private void subscribe() {
        viewModel.subscribe(kindChoice.getValue(), subscribeField.getText());
    }

    @FXML
    private void publish() {
        viewModel.publish(publishChannel.getText(), publishPayload.getText(), publishSharded.isSelected());
    }

    @FXML
    private void refreshServer() {
        viewModel.refreshOverview("*");
    }

    @FXML
    private void clear() {
        viewModel.clearMessages();
    }

    public Parent root() {
        return root;
    }
}
