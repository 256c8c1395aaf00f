package io.tessera.console.monitor;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one-line start of a payload for the message list, and the "type" of a JSON event when it names one. */
final class PayloadPreview {
    /** A preview never holds more than this: a list row does not need a megabyte of text. */
    static final int CHARS = 240;
    private static final Pattern TYPE = Pattern.compile("^\\{.*?\"type\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,40})\"");

    private PayloadPreview() {}

    /** Up to {@link #CHARS} characters of the payload as UTF-8, line breaks and tabs as spaces, other controls as '·'. */
    static String of(byte[] payload) {
        if (payload.length == 0) {
            return "(empty)";
        }
        String text = new String(payload, 0, Math.min(payload.length, CHARS * 4), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(Math.min(text.length(), CHARS));
        for (int i = 0; i < text.length() && out.length() < CHARS; i++) {
            char c = text.charAt(i);
            out.append(!Character.isISOControl(c) ? c : c == '\n' || c == '\t' || c == '\r' ? ' ' : '·');
        }
        return out.toString();
    }

    /** The "type" of a JSON object whose preview names it (Tessera's events do), else null. */
    static String typeOf(String preview) {
        Matcher m = TYPE.matcher(preview);
        return m.find() ? m.group(1) : null;
    }
}
