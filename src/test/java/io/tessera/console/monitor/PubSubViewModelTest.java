package io.tessera.console.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.console.shards.DataFormat;
import io.tessera.engine.monitor.MonitorMessage;
import io.tessera.engine.monitor.MonitorState;
import io.tessera.engine.monitor.Subscription;
import io.tessera.engine.monitor.SubscriptionKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pub/sub tab's list and payload logic, fed as the engine feeds it, pulsed by hand. */
class PubSubViewModelTest {
    private final ManualUiThread ui = new ManualUiThread();
    private final MonitorFeed feed = new MonitorFeed(ui);
    private final PubSubViewModel viewModel = new PubSubViewModel(() -> {
        throw new IllegalStateException("no server in this test");
    }, feed, BackgroundTasks.sameThread(ui), ui);
    private final Subscription pattern = Subscription.pattern("t:events:*");

    @Test
    void messagesArriveNewestFirstOnThePulseAndTheListStaysBoundedSayingWhatItDropped() {
        for (int i = 0; i < 2_500; i++) {
            feed.onMessage(message("t:events:a", "m" + i));
        }
        assertTrue(viewModel.messages().isEmpty(), "nothing before the pulse");
        ui.pulse();
        assertEquals(PubSubViewModel.MESSAGE_LIMIT, viewModel.messages().size());
        assertEquals("m2499", viewModel.messages().getFirst().payloadText());
        assertEquals("m500", viewModel.messages().getLast().payloadText());
        assertEquals(500, viewModel.trimmed().get());

        feed.onMessage(message("t:events:b", "n0"));
        feed.onMessage(message("t:events:b", "n1"));
        ui.pulse();
        assertEquals("n1", viewModel.messages().get(0).payloadText());
        assertEquals("n0", viewModel.messages().get(1).payloadText());
        assertEquals("m2499", viewModel.messages().get(2).payloadText());
        assertEquals(502, viewModel.trimmed().get());

        viewModel.clearMessages();
        assertTrue(viewModel.messages().isEmpty());
        assertEquals(0, viewModel.trimmed().get());
    }

    @Test
    void aSelectedJsonPayloadOpensAsIndentedJsonAndCanBeSeenAsTextOrHex() {
        MonitorMessage json = message("t:events:a", "{\"type\":\"IMAGE_DONE\",\"n\":1}");
        viewModel.selected().set(json);
        assertEquals(DataFormat.JSON, viewModel.format().get());
        assertEquals("{\n  \"type\" : \"IMAGE_DONE\",\n  \"n\" : 1\n}", viewModel.payload().get());
        assertEquals("t:events:a  (pattern t:events:*)  ·  27 bytes", viewModel.payloadInfo().get());
        viewModel.format().set(DataFormat.HEX);
        assertTrue(viewModel.payload().get().startsWith("00000000  7b 22 74 79 70 65"), viewModel.payload().get());
        viewModel.selected().set(message("t:x", "plain words"));
        assertEquals(DataFormat.TEXT, viewModel.format().get());
        assertEquals("plain words", viewModel.payload().get());
        viewModel.selected().set(null);
        assertEquals("", viewModel.payload().get());
    }

    @Test
    void badInputAndServerTroubleAreSaidNotThrown() {
        viewModel.subscribe(SubscriptionKind.CHANNEL, "  ");
        assertEquals("a channel name cannot be empty", viewModel.problem().get());
        viewModel.publish("t:x", "hi", false);
        assertEquals("Cannot publish on t:x: no server in this test", viewModel.problem().get());
        viewModel.publish(" ", "hi", false);
        assertEquals("Say which channel to publish on", viewModel.problem().get());

        feed.onState(new MonitorState(MonitorState.Phase.RECONNECTING, "Redis: connection refused by 127.0.0.1:1 (is the server running on that port?); trying again"));
        ui.pulse();
        assertEquals(MonitorState.Phase.RECONNECTING, viewModel.phase().get());
        assertTrue(viewModel.state().get().startsWith("Reconnecting: Redis: connection refused"), viewModel.state().get());
    }

    @Test
    void theListShowsAnEventsTypeBesideItsPreview() {
        String preview = PayloadPreview.of("{\"id\":\"1-0\",\"type\":\"PROGRESS\",\n\"job\":\"j\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"id\":\"1-0\",\"type\":\"PROGRESS\", \"job\":\"j\"}", preview);
        assertEquals("PROGRESS", PayloadPreview.typeOf(preview));
        assertNull(PayloadPreview.typeOf("type PROGRESS"));
        assertEquals("(empty)", PayloadPreview.of(new byte[0]));
        assertEquals(PayloadPreview.CHARS, PayloadPreview.of("x".repeat(5_000).getBytes(StandardCharsets.UTF_8)).length());
        assertEquals("a·b", PayloadPreview.of(new byte[] {'a', 0, 'b'}));
    }

    private MonitorMessage message(String channel, String payload) {
        return new MonitorMessage(pattern, channel, Instant.now(), payload.getBytes(StandardCharsets.UTF_8));
    }
}
