package io.tessera.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureHistoryTest {
    @Test
    void keepsOnlyTheWindowPerFigure() {
        FigureHistory history = new FigureHistory(Duration.ofMinutes(15));
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        for (int minute = 0; minute <= 20; minute++) {
            history.add(start.plusSeconds(60L * minute), minute % 2 == 0 ? Map.of("a", (double) minute, "b", 1.0) : Map.of("a", (double) minute));
        }
        List<FigureHistory.Point> a = history.points("a");
        assertEquals(16, a.size(), "minutes 5 to 20");
        assertEquals(5.0, a.getFirst().value());
        assertEquals(20.0, a.getLast().value());
        assertEquals(8, history.points("b").size(), "even minutes 6 to 20");
        assertEquals(List.of(), history.points("c"));
    }
}
