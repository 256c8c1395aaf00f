package io.tessera.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** New rows on top, old ones off the bottom, as one change a table can follow. */
class FeedListTest {

    @Test
    void rowsGoOnTopAndFallOffTheBottomInOneChange() {
        FeedList<Integer> feed = new FeedList<>();
        List<String> changes = new ArrayList<>();
        feed.addListener((ListChangeListener<Integer>) c -> {
            StringBuilder seen = new StringBuilder();
            while (c.next()) {
                seen.append(c.wasAdded() ? "+" + c.getFrom() + ".." + c.getTo() : "").append(c.wasRemoved() ? "-" + c.getRemoved() : "").append(' ');
            }
            changes.add(seen.toString().strip());
        });
        feed.prependAndKeep(List.of(3, 2, 1), 10);
        feed.prependAndKeep(List.of(5, 4), 4);
        assertEquals(List.of(5, 4, 3, 2), feed);
        assertEquals(List.of("+0..3", "+0..2 -[1]"), changes);

        // past the ring's first size, many times over
        List<Integer> expected = new ArrayList<>(feed);
        for (int n = 6; n < 5_000; n += 7) {
            List<Integer> newestFirst = IntStream.range(n, n + 7).boxed().toList().reversed();
            feed.prependAndKeep(newestFirst, 1_500);
            expected.addAll(0, newestFirst);
            expected.subList(Math.min(1_500, expected.size()), expected.size()).clear();
        }
        assertEquals(expected, feed);

        feed.replaceAll(List.of(9, 8));
        assertEquals(List.of(9, 8), feed);
        feed.clear();
        assertEquals(0, feed.size());
    }
}
