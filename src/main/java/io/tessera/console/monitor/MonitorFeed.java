package io.tessera.console.monitor;

import io.tessera.console.common.Coalescer;
import io.tessera.console.common.PulseBatch;
import io.tessera.console.common.UiThread;
import io.tessera.engine.monitor.MonitorListener;
import io.tessera.engine.monitor.MonitorMessage;
import io.tessera.engine.monitor.MonitorState;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the pub/sub monitor reports from its subscriber threads, handed to the UI on the pulse: every message in order
 * (a {@link PulseBatch}, one list per pulse whatever the rate) and the latest connection state (a {@link Coalescer}).
 */
final class MonitorFeed implements MonitorListener {
    private final PulseBatch<MonitorMessage> messages;
    private final Coalescer<String, MonitorState> states;
    private Consumer<List<MonitorMessage>> onMessages = batch -> { };
    private Consumer<MonitorState> onState = state -> { };

    MonitorFeed(UiThread ui) {
        this.messages = new PulseBatch<>(ui, batch -> onMessages.accept(batch));
        this.states = new Coalescer<>(ui, (key, state) -> onState.accept(state));
    }

    /** On the UI thread, before any backend is made. */
    void listen(Consumer<List<MonitorMessage>> messageBatches, Consumer<MonitorState> stateChanges) {
        this.onMessages = messageBatches;
        this.onState = stateChanges;
    }

    @Override
    public void onMessage(MonitorMessage message) {
        messages.offer(message);
    }

    @Override
    public void onState(MonitorState state) {
        states.offer("state", state);
    }
}
