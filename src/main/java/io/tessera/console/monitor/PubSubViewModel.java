package io.tessera.console.monitor;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Formats;
import io.tessera.console.common.UiThread;
import io.tessera.console.shards.DataFormat;
import io.tessera.engine.monitor.MonitorMessage;
import io.tessera.engine.monitor.MonitorState;
import io.tessera.engine.monitor.PubSubMonitor;
import io.tessera.engine.monitor.Subscription;
import io.tessera.engine.monitor.SubscriptionKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pub/sub tab: subscriptions with their rates, the messages received (newest first, at most
 * {@link #MESSAGE_LIMIT}, arriving in one batch per pulse), the selected message's payload as text, JSON or hex,
 * and publishing a test message. Subscribing, unsubscribing and publishing run in the background.
 */
public final class PubSubViewModel {
    public static final int MESSAGE_LIMIT = 2_000;
    /** Rates are read from the monitor (in memory) every fifth pulse: twice a second. */
    static final int STATS_EVERY = 5;

    private final ConnectionSource<MonitorBackend> source;
    private final BackgroundTasks tasks;
    private final ObservableList<SubscriptionRow> subscriptions = FXCollections.observableArrayList();
    private final ObservableList<SubscriptionRow> subscriptionsView = FXCollections.unmodifiableObservableList(subscriptions);
    private final ObservableList<MonitorMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<MonitorMessage> messagesView = FXCollections.unmodifiableObservableList(messages);
    private final ReadOnlyLongWrapper trimmed = new ReadOnlyLongWrapper(0);
    private final ObjectProperty<MonitorMessage> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<DataFormat> format = new SimpleObjectProperty<>(DataFormat.TEXT);
    private final ReadOnlyStringWrapper payload = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper payloadInfo = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MonitorState.Phase> phase = new ReadOnlyObjectWrapper<>(MonitorState.Phase.IDLE);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("No subscriptions");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> serverChannels = FXCollections.observableArrayList();
    private final ObservableList<String> serverChannelsView = FXCollections.unmodifiableObservableList(serverChannels);
    private final ReadOnlyStringWrapper serverSummary = new ReadOnlyStringWrapper("");
    private PubSubMonitor monitor;
    private int pulses;

    PubSubViewModel(ConnectionSource<MonitorBackend> source, MonitorFeed feed, BackgroundTasks tasks, UiThread ui) {
        this.source = source;
        this.tasks = tasks;
        feed.listen(this::received, this::stateChanged);
        ui.onPulse(this::pulse);
        selected.addListener((obs, old, now) -> {
            DataFormat suited = now == null ? format.get() : DataFormat.suitedTo(now.payload());
            if (suited != format.get()) {
                format.set(suited); // the format listener renders
            } else {
                render();
            }
        });
        format.addListener((obs, old, now) -> render());
    }

    /** Listens to a channel, pattern or shard channel; refusals ("not supported by this server") show as the problem. */
    public void subscribe(SubscriptionKind kind, String name) {
        Subscription subscription;
        try {
            subscription = new Subscription(kind, name == null ? null : name.strip());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        tasks.run("Subscribing to " + subscription, () -> {
            PubSubMonitor pubSub = source.get().pubSub();
            return pubSub.add(subscription) ? pubSub : null;
        }, pubSub -> {
            if (pubSub == null) {
                message.set("Already subscribed to " + subscription);
                return;
            }
            monitor = pubSub;
            message.set("");
            refreshStats();
        }, reason -> problem.set("Cannot subscribe to " + subscription + ": " + reason));
    }

    public void unsubscribe(Subscription subscription) {
        PubSubMonitor current = monitor;
        if (current == null) {
            return;
        }
        tasks.run("Unsubscribing from " + subscription, () -> current.remove(subscription), removed -> refreshStats(),
                reason -> problem.set("Cannot unsubscribe from " + subscription + ": " + reason));
    }

    /** Publishes {@code text} (UTF-8) on the channel, SPUBLISH for a shard channel; says how many received it. */
    public void publish(String channel, String text, boolean sharded) {
        if (channel == null || channel.isBlank()) {
            problem.set("Say which channel to publish on");
            return;
        }
        String name = channel.strip();
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        problem.set("");
        tasks.run("Publishing on " + name, () -> source.get().pubSub().publish(name, bytes, sharded),
                receivers -> message.set("Published " + Formats.size(bytes.length) + " on " + name + " to " + receivers
                        + (receivers == 1 ? " subscriber" : " subscribers")),
                reason -> problem.set("Cannot publish on " + name + ": " + reason));
    }

    /** What the server says about pub/sub (PUBSUB CHANNELS, NUMSUB, NUMPAT and the shard figures), for the glob. */
    public void refreshOverview(String glob) {
        tasks.run("Reading the server's pub/sub figures", () -> source.get().pubSub().overview(glob), overview -> {
            List<String> lines = new ArrayList<>();
            overview.channels().forEach(c -> lines.add(c.channel() + "  ·  " + c.subscribers() + (c.subscribers() == 1 ? " subscriber" : " subscribers")));
            overview.shardChannels().forEach(c -> lines.add(c.channel() + "  ·  shard channel, " + c.subscribers()
                    + (c.subscribers() == 1 ? " subscriber" : " subscribers")));
            serverChannels.setAll(lines);
            serverSummary.set(overview.channels().size() + (overview.truncated() ? "+" : "") + " active channels, "
                    + overview.patterns() + " pattern subscriptions"
                    + (overview.shardSupported() ? ", " + overview.shardChannels().size() + " shard channels" : "; no sharded pub/sub on this server"));
        }, reason -> problem.set("Cannot read the server's pub/sub figures: " + reason));
    }

    public void clearMessages() {
        messages.clear();
        trimmed.set(0);
        selected.set(null);
    }

    /** The connection changed: the old monitor was closed with its subscriptions; start empty. */
    void reset() {
        PubSubMonitor old = monitor;
        if (old != null) {
            tasks.run("Closing the pub/sub subscriptions", () -> {
                old.close();
                return null;
            }, ignored -> { }, reason -> { });
        }
        monitor = null;
        subscriptions.clear();
        clearMessages();
        problem.set("");
        message.set("");
        serverChannels.clear();
        serverSummary.set("");
        stateChanged(new MonitorState(MonitorState.Phase.IDLE, "no subscriptions"));
    }

    private void received(List<MonitorMessage> batch) {
        List<MonitorMessage> newestFirst = new ArrayList<>(batch.subList(Math.max(0, batch.size() - MESSAGE_LIMIT), batch.size()));
        Collections.reverse(newestFirst);
        long dropped = batch.size() - newestFirst.size();
        messages.addAll(0, newestFirst);
        if (messages.size() > MESSAGE_LIMIT) {
            dropped += messages.size() - MESSAGE_LIMIT;
            messages.remove(MESSAGE_LIMIT, messages.size());
        }
        if (dropped > 0) {
            trimmed.set(trimmed.get() + dropped);
        }
    }

    private void stateChanged(MonitorState now) {
        phase.set(now.phase());
        state.set(switch (now.phase()) {
            case IDLE -> "No subscriptions";
            case CONNECTING -> "Connecting…";
            case LISTENING -> "Listening";
            case RECONNECTING -> "Reconnecting: " + now.detail();
            case CLOSED -> "Closed";
        });
    }

    private void pulse() {
        if (++pulses % STATS_EVERY == 0) {
            refreshStats();
        }
    }

    private void refreshStats() {
        PubSubMonitor current = monitor;
        if (current == null) {
            return;
        }
        List<SubscriptionRow> rows = current.stats().stream()
                .map(s -> new SubscriptionRow(s.subscription(), current.isActive(s.subscription()), s.messages(), s.perSecond()))
                .toList();
        if (!rows.equals(subscriptions)) {
            subscriptions.setAll(rows);
        }
    }

    private void render() {
        MonitorMessage shown = selected.get();
        if (shown == null) {
            payload.set("");
            payloadInfo.set("");
            return;
        }
        payload.set(format.get().render(shown.payload()));
        payloadInfo.set(shown.channel() + (shown.pattern() == null ? "" : "  (pattern " + shown.pattern() + ")") + "  ·  "
                + Formats.size(shown.payload().length));
    }

    public ObservableList<SubscriptionRow> subscriptions() {
        return subscriptionsView;
    }

    /** Active channels on the server with their subscriber counts, one line each. */
    public ObservableList<String> serverChannels() {
        return serverChannelsView;
    }

    public ReadOnlyStringProperty serverSummary() {
        return serverSummary.getReadOnlyProperty();
    }

    public ObservableList<MonitorMessage> messages() {
        return messagesView;
    }

    /** Messages dropped from the list because it holds at most {@link #MESSAGE_LIMIT}. */
    public ReadOnlyLongProperty trimmed() {
        return trimmed.getReadOnlyProperty();
    }

    public ObjectProperty<MonitorMessage> selected() {
        return selected;
    }

    public ObjectProperty<DataFormat> format() {
        return format;
    }

    public ReadOnlyStringProperty payload() {
        return payload.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty payloadInfo() {
        return payloadInfo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MonitorState.Phase> phase() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty state() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }
}
