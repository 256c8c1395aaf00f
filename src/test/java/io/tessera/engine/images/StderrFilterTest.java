package io.tessera.engine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codec lines are taken aside whole; everything else goes on unchanged, partial lines at once. */
class StderrFilterTest {
    private final ByteArrayOutputStream passed = new ByteArrayOutputStream();
    private final List<String> chatter = new ArrayList<>();
    private final StderrFilter filter = new StderrFilter(passed::writeBytes, chatter::add);

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        filter.accept(bytes, bytes.length);
    }

    private String passed() {
        return passed.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void codecLinesAreTakenAsideEvenWhenTheyArriveInPieces() {
        feed("libpng warning: iCCP: known incorrect sRGB profile\nException in thread \"main\"\n");
        feed("Corrupt JPEG data: 3 extraneous ");
        feed("bytes before marker 0xd9\n[ WARN:0@0.2] global grfmt_tiff.cpp:122 TIFF_Warning\n");
        assertEquals(List.of("libpng warning: iCCP: known incorrect sRGB profile", "Corrupt JPEG data: 3 extraneous bytes before marker 0xd9",
                "[ WARN:0@0.2] global grfmt_tiff.cpp:122 TIFF_Warning"), chatter);
        assertEquals("Exception in thread \"main\"\n", passed());
    }

    @Test
    void otherOutputPassesAtOnceEvenWithoutANewline() {
        feed("Password: ");
        assertEquals("Password: ", passed());
        feed("libpng is a fine library\n"); // the rest of a line whose start went out already
        assertEquals("Password: libpng is a fine library\n", passed());
        feed("lib");
        assertEquals("Password: libpng is a fine library\n", passed(), "could still become libpng's");
        feed("rary\n");
        assertEquals("Password: libpng is a fine library\nlibrary\n", passed());
        assertEquals(List.of(), chatter);
    }

    @Test
    void aPartialLineHeldBackGoesOnWhenTheStreamEnds() {
        feed("libpng"); // could still become chatter: held back
        assertEquals("", passed());
        filter.finish();
        assertEquals("libpng", passed());
        assertEquals(List.of(), chatter);
    }
}
