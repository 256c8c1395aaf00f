package io.tessera.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SafeNamesTest {

    @Test
    void aBidiOverrideIsRefusedByItsNameAndNeverPrintedRaw() {
        String name = "invoice\u202Egpj.exe.jpg"; // shows as "invoiceexe.jpg.jpg" reversed in places
        String reason = SafeNames.problem(name).orElseThrow();
        assertTrue(reason.contains("U+202E RIGHT-TO-LEFT OVERRIDE"), reason);
        assertTrue(reason.contains("invoice<U+202E>gpj.exe.jpg"), reason);
        assertFalse(reason.contains("\u202E"), "the character itself is never printed");
        assertEquals("invoice<U+202E>gpj.exe.jpg", SafeNames.displayable(name));
    }

    @Test
    void everyControlBidiAndZeroWidthCharacterIsRefusedWithItsCodePoint() {
        List<Integer> refused = List.of(0x00, 0x0A, 0x1B, 0x7F, 0x85, 0x9F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x2028, 0x2029, 0xD800);
        for (int c : refused) {
            String name = "a" + (char) c + "b.jpg";
            Optional<String> reason = SafeNames.problem(name);
            String hex = String.format("U+%04X", c);
            assertTrue(reason.isPresent() && reason.get().contains(hex), hex + ": " + reason);
            assertFalse(reason.get().contains(String.valueOf((char) c)), hex + " printed raw");
            assertTrue(SafeNames.relativePathProblem("set/" + name).isPresent(), hex + " in a relative path");
        }
        assertTrue(SafeNames.problem("a\u200Db.jpg").orElseThrow().contains("ZERO WIDTH JOINER"));
        assertTrue(SafeNames.problem("a\u0007b.jpg").orElseThrow().contains("control character"));
    }

    @Test
    void ordinaryUnicodeIsFine() {
        for (String name : List.of("with space é 日本.png", "Ünïcödé.jpg", "emoji 📷.jpg", "עברית.jpg", "x (1).jpg", "100%.jpg", "..%2F..%2Fescape.jpg")) {
            assertEquals(Optional.empty(), SafeNames.problem(name), name);
        }
    }

    @Test
    void aNameOver255Utf8BytesIsRefusedWithItsLength() {
        String ascii255 = "a".repeat(251) + ".jpg";
        assertEquals(Optional.empty(), SafeNames.problem(ascii255));
        String reason = SafeNames.problem("a" + ascii255).orElseThrow();
        assertTrue(reason.startsWith("name too long: 256 bytes in UTF-8, HDFS takes at most 255"), reason);
        assertEquals(Optional.empty(), SafeNames.problem("日".repeat(83) + ".jpg"), "83 × 3 + 4 = 253 bytes");
        String cjk = "日".repeat(84) + ".jpg"; // 256 bytes, only 88 characters
        assertTrue(SafeNames.problem(cjk).orElseThrow().contains("256 bytes"), SafeNames.problem(cjk).toString());
        assertTrue(SafeNames.relativePathProblem("set/" + cjk).isPresent());
    }

    @Test
    void escapesSeparatorsAndColonsStayRefused() {
        assertTrue(SafeNames.relativePathProblem("../x.jpg").orElseThrow().contains("leave the target folder"));
        assertTrue(SafeNames.relativePathProblem("/x.jpg").orElseThrow().startsWith("absolute path refused"));
        assertTrue(SafeNames.problem("a\\b.jpg").orElseThrow().contains("separator"));
        assertTrue(SafeNames.problem("a:b.jpg").orElseThrow().contains("colon"));
    }
}
