package io.tessera.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemporaryNamesTest {

    @Test
    void aTemporaryIsShortHiddenAndOfItsKindWhateverTheFinalName() {
        String longName = "é".repeat(120) + ".jpg"; // 244 bytes in UTF-8
        String temp = TemporaryNames.of(TemporaryNames.Kind.OUTPUT, longName);
        assertTrue(temp.startsWith("."));
        assertTrue(temp.getBytes(StandardCharsets.UTF_8).length < 40, temp);
        assertEquals(Optional.of(TemporaryNames.Kind.OUTPUT), TemporaryNames.kindOf(temp));
        assertTrue(temp.startsWith(TemporaryNames.prefixOf(TemporaryNames.Kind.OUTPUT, longName)));
    }

    @Test
    void twoTemporariesOfOneNameDifferAndShareTheirPrefix() {
        String a = TemporaryNames.of(TemporaryNames.Kind.UPLOAD, "a.jpg");
        String b = TemporaryNames.of(TemporaryNames.Kind.UPLOAD, "a.jpg");
        assertNotEquals(a, b);
        String prefix = TemporaryNames.prefixOf(TemporaryNames.Kind.UPLOAD, "a.jpg");
        assertTrue(a.startsWith(prefix) && b.startsWith(prefix));
        assertFalse(TemporaryNames.of(TemporaryNames.Kind.UPLOAD, "b.jpg").startsWith(prefix));
    }

    @Test
    void otherNamesAreNotTemporaries() {
        assertFalse(TemporaryNames.isTemporary("a.jpg"));
        assertFalse(TemporaryNames.isTemporary(".a.jpg.tmp-1234"));
        assertFalse(TemporaryNames.isTemporary(".tsr-x-00000000-000000000000"));
        assertFalse(TemporaryNames.isTemporary(".tsr-o-00000000-0000000000001"));
        assertTrue(TemporaryNames.isTemporary(".tsr-o-00000000-000000000000"));
    }
}
