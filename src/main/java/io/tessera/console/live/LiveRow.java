package io.tessera.console.live;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One event in the feed; {@code seq} grows with arrival, so trimming can tell old rows from new in O(1). */
public record LiveRow(long seq, Event event) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    public String time() {
        return TIME.format(Instant.ofEpochMilli(event.time()));
    }

    public String type() {
        return event.type().name();
    }

    public boolean isError() {
        return event.type() == EventType.IMAGE_FAILED || event.type() == EventType.TASK_DEAD;
    }

    /** The image an error names: the input of a failed image, or the task of a dead one. */
    public String subject() {
        return event.input() == null ? "" : event.input();
    }

    /** Case-insensitive match of every text column. */
    public boolean mentions(String lowerCaseText) {
        return contains(event.job(), lowerCaseText) || contains(event.worker(), lowerCaseText) || contains(event.input(), lowerCaseText)
                || contains(event.output(), lowerCaseText) || contains(event.reason(), lowerCaseText) || contains(type(), lowerCaseText);
    }

    private static boolean contains(String field, String lowerCaseText) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
