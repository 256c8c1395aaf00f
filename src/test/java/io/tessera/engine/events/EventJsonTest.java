package io.tessera.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void eventsAreWrittenAsOneCompactLineWithoutIdAndReadBackEqual() {
        Event event = Event.imageDone("job-1", "w1", "/in/a b.jpg", "/out/a b.jpg", Map.of("width", 256, "ms", 12));
        String json = EventJson.write(event.withId("1-0"));
        assertFalse(json.contains("\n"));
        assertFalse(json.contains("\"id\""), "the id is the stream entry id, added when recorded");
        assertFalse(json.contains("counts"), "fields that do not apply are left out");
        assertTrue(json.startsWith("{\"type\":\"IMAGE_DONE\""), json);
        assertEquals(event, EventJson.read(json));
        assertEquals(event.withId("5-1"), EventJson.read("{\"id\":\"5-1\"," + json.substring(1)));
    }

    @Test
    void countsSurviveTheRoundTrip() {
        Event started = Event.jobStarted("j", new JobCounts(3, 30, 0, 0, 0, 0, 0, 0));
        assertEquals(started, EventJson.read(EventJson.write(started)));
    }

    @Test
    void notAnEventIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventJson.read("{\"type\":\"NO_SUCH\"}"));
        assertTrue(e.getMessage().startsWith("not an event"), e.getMessage());
    }

    @Test
    void aBatchEntryReadsBackAsItsEventsEachWithTheEntryId() {
        Event a = Event.imageDone("j", "w1", "/in/a.jpg", "/out/a.jpg", Map.of("width", 256), 1_000);
        Event b = Event.imageFailed("j", "w1", "/in/b.jpg", "not an image", 1_001);
        // as emit.lua's tessera_emit_all records several events, and as it publishes them (the id spliced in first)
        String recorded = "{\"events\":[" + EventJson.write(a) + "," + EventJson.write(b) + "]}";
        assertEquals(List.of(a.withId("7-0"), b.withId("7-0")), EventJson.readAll(recorded, "7-0"));
        assertEquals(List.of(a.withId("7-0"), b.withId("7-0")), EventJson.readAll("{\"id\":\"7-0\"," + recorded.substring(1), null));
    }

    @Test
    void aLoneEventIsOneEventAndTextThatLooksLikeABatchInsideItIsNotABatch() {
        Event odd = Event.imageDone("j", "w1", "/in/\"events\":[x.jpg", "/out/x.jpg", Map.of(), 5);
        String json = EventJson.write(odd);
        assertEquals(List.of(odd.withId("3-1")), EventJson.readAll(json, "3-1"));
        assertEquals(List.of(odd.withId("3-1")), EventJson.readAll("{\"id\":\"3-1\"," + json.substring(1), null));
        assertThrows(IllegalArgumentException.class, () -> EventJson.readAll("{\"events\":[]}", "1-0"), "an empty batch is no entry");
        assertThrows(IllegalArgumentException.class, () -> EventJson.readAll("{\"events\":[{\"type\":\"NO_SUCH\"}]}", "1-0"));
    }

    @Test
    void streamIdsCompareNumerically() {
        assertTrue(EventReplay.compareIds("999-0", "1000-0") < 0);
        assertTrue(EventReplay.compareIds("5-10", "5-9") > 0);
    }
}
