package io.tessera.console.monitor;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.connect.ConnectionTarget;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Monitor panel: pub/sub subscriptions and messages, and the Redis streams with the dispatch queue's health.
 * No connection is opened before the operator subscribes or the Streams tab shows; a profile switch closes the
 * subscriptions (they belonged to the old server) and starts empty on the new connection.
 */
public final class MonitorViewModel {
    private final ActiveConnection connection;
    private final PubSubViewModel pubSub;
    private final StreamsViewModel streams;
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private boolean shown;
    private boolean streamsTab;

    public MonitorViewModel(ActiveConnection connection, BackgroundTasks tasks, UiThread ui) {
        this.connection = connection;
        MonitorFeed feed = new MonitorFeed(ui);
        ConnectionSource<MonitorBackend> source = MonitorBackend.of(connection, feed);
        this.pubSub = new PubSubViewModel(source, feed, tasks, ui);
        this.streams = new StreamsViewModel(source, tasks, ui);
        connection.targetProperty().addListener((obs, old, now) -> reconnect(now));
        subtitle.set(describe(connection.targetProperty().get()));
    }

    /** The panel became visible or hidden. */
    public void setShown(boolean visible) {
        shown = visible;
        updateStreams();
    }

    /** The Streams tab was selected (or left). */
    public void setStreamsTabSelected(boolean selected) {
        streamsTab = selected;
        updateStreams();
    }

    private void updateStreams() {
        streams.setShown(shown && streamsTab && connection.targetProperty().get() != null);
    }

    private void reconnect(ConnectionTarget target) {
        subtitle.set(describe(target));
        pubSub.reset();
        streams.setShown(false);
        streams.reset();
        updateStreams();
    }

    private static String describe(ConnectionTarget target) {
        return target == null ? "Not connected: the profile's cluster is not up yet"
                : "Profile " + target.profileName() + " · Redis " + target.redisDescription();
    }

    public PubSubViewModel pubSub() {
        return pubSub;
    }

    public StreamsViewModel streams() {
        return streams;
    }

    public ReadOnlyStringProperty subtitle() {
        return subtitle.getReadOnlyProperty();
    }
}
