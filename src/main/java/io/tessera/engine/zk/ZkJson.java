package io.tessera.engine.zk;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Node data as compact JSON through the shared mapper: ZooKeeper keeps every byte in memory on every server. */
public final class ZkJson {
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private ZkJson() {}

    public static byte[] bytes(Object value) {
        try {
            return COMPACT.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException naming the node when its data is not the JSON expected */
    public static <T> T read(byte[] json, Class<T> type, String path) throws IOException {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IOException(path + " does not hold a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
