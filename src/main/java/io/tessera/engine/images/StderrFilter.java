package io.tessera.engine.images;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sorts what arrives on stderr into codec chatter (whole lines starting like libpng's, libjpeg's or OpenCV's
 * messages) and everything else, which passes on unchanged and at once, partial lines included, unless they
 * could still become chatter.
 */
final class StderrFilter {
    /** How the messages of the codecs built into OpenCV begin (libpng, libjpeg-turbo's warnings, OpenCV's log). */
    static final List<String> CHATTER = List.of("libpng ", "Corrupt JPEG data", "Premature end of JPEG", "Invalid SOS parameters",
            "Inconsistent progression", "Unknown Adobe color transform", "Warning: unknown JFIF", "Application transferred too",
            "[ WARN:", "[ERROR:", "[ INFO:", "[DEBUG:", "[FATAL:", "[VERB");
    private static final int LONGEST_LINE = 4096;

    private final Consumer<byte[]> passOn;
    private final Consumer<String> chatter;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    /** The start of the current line was passed on already, so the rest of it is too. */
    private boolean passingLine;

    StderrFilter(Consumer<byte[]> passOn, Consumer<String> chatter) {
        this.passOn = passOn;
        this.chatter = chatter;
    }

    void accept(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            line.write(data[i]);
            if (data[i] == '\n') {
                endLine();
            }
        }
        if (line.size() > 0 && (passingLine || !mayBecomeChatter(text()) || line.size() > LONGEST_LINE)) {
            passOn.accept(line.toByteArray());
            line.reset();
            passingLine = true;
        }
    }

    /** The stream ended: a partial line held back (it might have become chatter) goes on as it is. */
    void finish() {
        if (line.size() > 0) {
            passOn.accept(line.toByteArray());
            line.reset();
        }
    }

    private void endLine() {
        String text = text();
        if (!passingLine && isChatter(text)) {
            chatter.accept(text.strip());
        } else {
            passOn.accept(line.toByteArray());
        }
        line.reset();
        passingLine = false;
    }

    private String text() {
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    static boolean isChatter(String line) {
        return CHATTER.stream().anyMatch(line::startsWith);
    }

    private static boolean mayBecomeChatter(String partial) {
        return CHATTER.stream().anyMatch(prefix -> prefix.startsWith(partial) || partial.startsWith(prefix));
    }
}
