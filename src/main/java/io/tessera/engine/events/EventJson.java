package io.tessera.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tessera.engine.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Events as compact one-line JSON through the shared mapper. */
public final class EventJson {
    private static final ObjectWriter WRITER = Json.mapper().writerFor(Event.class).without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READER = Json.mapper().readerFor(Event.class);

    private static final String ID_FIRST = "{\"id\":\"";
    private static final String BATCH = "\"events\":[";

    private EventJson() {}

    /**
     * The event without its id: the id is the results-stream entry id, known only once it is written
     * (scripts add it to the published copy).
     */
    public static String write(Event event) {
        try {
            return WRITER.writeValueAsString(event.withId(null));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The events of one results-stream entry or one published message, each with the entry's id when {@code id} is
     * given (else the id the message carries). An entry is one event, or a batch {@code {"events":[e1,e2,…]}} (a
     * script that records many events at once, see emit.lua's {@code tessera_emit_all}); a published batch carries the
     * id first: {@code {"id":"…","events":[…]}}.
     */
    public static List<Event> readAll(String json, String id) {
        if (!isBatch(json)) {
            Event event = read(json);
            return List.of(id == null ? event : event.withId(id));
        }
        try {
            JsonNode batch = Json.mapper().readTree(json);
            if (batch.get("events").isEmpty()) {
                throw new IllegalArgumentException("an empty batch");
            }
            String entryId = id != null ? id : batch.path("id").asText(null);
            List<Event> events = new ArrayList<>(batch.get("events").size());
            for (JsonNode event : batch.get("events")) {
                events.add(READER.<Event>readValue(event).withId(entryId));
            }
            return events;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a batch of events: " + e.getMessage(), e);
        }
    }

    /** {@code {"events":[} at the start, or after the id a published copy starts with. */
    private static boolean isBatch(String json) {
        int at = 1;
        if (json.startsWith(ID_FIRST)) {
            int idEnd = json.indexOf('"', ID_FIRST.length());
            if (idEnd < 0) {
                return false;
            }
            at = idEnd + 2;
        }
        return json.startsWith(BATCH, at);
    }

    public static Event read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event: " + e.getOriginalMessage(), e);
        }
    }
}
