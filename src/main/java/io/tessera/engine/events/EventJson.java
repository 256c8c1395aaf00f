package io.tessera.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tessera.engine.json.Json;
import java.io.UncheckedIOException;

/** Events as compact one-line JSON through the shared mapper. */
public final class EventJson {
    private static final ObjectWriter WRITER = Json.mapper().writerFor(Event.class).without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READER = Json.mapper().readerFor(Event.class);

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

    public static Event read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event: " + e.getOriginalMessage(), e);
        }
    }
}
