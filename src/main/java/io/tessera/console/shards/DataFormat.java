package io.tessera.console.shards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** How a node's data is shown: as UTF-8 text, as indented JSON, or as a hex dump. */
public enum DataFormat {
    TEXT("Text"), JSON("JSON"), HEX("Hex");

    /** A hex dump of more than this many bytes is cut short: a TextArea does not like megabytes of it. */
    static final int HEX_LIMIT = 16 * 1024;

    private final String title;

    DataFormat(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String render(byte[] data) {
        if (data.length == 0) {
            return "";
        }
        return switch (this) {
            case TEXT -> text(data);
            case JSON -> json(data);
            case HEX -> hex(data);
        };
    }

    /** The format a node opens in: JSON for JSON, text for other UTF-8, hex for the rest. The operator may switch. */
    public static DataFormat suitedTo(byte[] data) {
        if (!isText(data)) {
            return HEX;
        }
        if (data.length > 0 && (data[0] == '{' || data[0] == '[')) {
            try {
                Json.mapper().readTree(data);
                return JSON;
            } catch (IOException notJson) {
                return TEXT;
            }
        }
        return TEXT;
    }

    /** Whether the bytes are valid UTF-8, i.e. can be shown and edited as text. */
    public static boolean isText(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String text(byte[] data) {
        return isText(data) ? new String(data, StandardCharsets.UTF_8) : "(" + data.length + " bytes that are not UTF-8 text: see Hex)";
    }

    private static String json(byte[] data) {
        try {
            JsonNode tree = Json.mapper().readTree(data);
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return "(not JSON: " + e.getOriginalMessage() + ")\n\n" + text(data);
        } catch (IOException e) {
            return "(not JSON: " + e.getMessage() + ")\n\n" + text(data);
        }
    }

    private static String hex(byte[] data) {
        int shown = Math.min(data.length, HEX_LIMIT);
        StringBuilder out = new StringBuilder(shown * 4 + 64);
        for (int offset = 0; offset < shown; offset += 16) {
            out.append(String.format("%08x  ", offset));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = offset; i < offset + 16; i++) {
                if (i < shown) {
                    int b = data[i] & 0xff;
                    out.append(String.format("%02x ", b));
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    out.append("   ");
                }
                if (i == offset + 7) {
                    out.append(' ');
                }
            }
            out.append(' ').append(ascii).append('\n');
        }
        if (shown < data.length) {
            out.append("… ").append(data.length - shown).append(" more bytes\n");
        }
        return out.toString();
    }
}
