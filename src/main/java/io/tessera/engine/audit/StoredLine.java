package io.tessera.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.engine.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One record as stored (a file's line or a stream entry), read defensively: it may have been altered into anything.
 * {@code where} says where it was found, for reports ("2026-12-05.jsonl line 12", "stream entry 1733400000000-0").
 */
record StoredLine(String text, String where, ObjectNode json) {

    static StoredLine of(String text, String where) {
        ObjectNode json = null;
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node instanceof ObjectNode object) {
                json = object;
            }
        } catch (Exception notJson) {
            // stays null: reported as unreadable
        }
        return new StoredLine(text, where, json);
    }

    boolean readable() {
        return json != null && json.path("seq").canConvertToLong() && json.path("hash").isTextual() && json.path("prev").isTextual();
    }

    long seq() {
        return json.path("seq").asLong(-1);
    }

    String hash() {
        return json.path("hash").asText("");
    }

    String prev() {
        return json.path("prev").asText("");
    }

    /** The record's time, when it has a readable one. */
    Optional<Instant> time() {
        try {
            return json == null ? Optional.empty() : Optional.of(Instant.parse(json.path("time").asText()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    Optional<LocalDate> day() {
        return time().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC));
    }

    /** The hash this record's content asks for. */
    String expectedHash() {
        return AuditChain.hashOf(json);
    }

    /** The record as a value, or empty when it does not read as one. */
    Optional<AuditRecord> record() {
        try {
            return json == null ? Optional.empty() : Optional.of(Json.mapper().treeToValue(json, AuditRecord.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
