package io.tessera.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.engine.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain of the audit trail. A record's hash is the SHA-256 (hex) of its canonical JSON: the stored record
 * without its {@code hash} field, compact, every object's fields sorted by name; that JSON holds {@code prev}, the
 * previous record's hash, and {@code seq}. So changing a record changes its hash, and removing, inserting or reordering
 * records breaks a {@code prev} or {@code seq} link. The first record's {@code prev} is {@link #GENESIS}. Hashing the
 * stored JSON tree (not the Java record) keeps fields a later version adds inside the hash.
 */
public final class AuditChain {
    /** The {@code prev} of the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private AuditChain() {}

    /** The record as its stored line: compact JSON with its hash. */
    public static String line(AuditRecord record) {
        try {
            return COMPACT.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code record} with its hash made. */
    static AuditRecord sealed(AuditRecord record) {
        return record.withHash(hashOf((ObjectNode) Json.mapper().valueToTree(record.withHash(null))));
    }

    /** The hash a stored record should carry, from its parsed JSON (its own {@code hash} field is left out). */
    public static String hashOf(ObjectNode stored) {
        ObjectNode body = stored.deepCopy();
        body.remove("hash");
        try {
            byte[] canonical = COMPACT.writeValueAsBytes(sorted(body));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
