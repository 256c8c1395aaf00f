package io.tessera.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Grouping by dHash distance: near copies together (transitively), strangers apart, same answer as comparing all pairs. */
class DuplicateGroupsTest {

    @Test
    void nearCopiesGroupAndStrangersDoNot() {
        long a = 0x0123456789ABCDEFL;
        Map<String, Long> hashes = Map.of("a.jpg", a, "a-small.jpg", a ^ 0b101, "a-chain.jpg", a ^ 0b101 ^ 0xF000_0000L,
                "b.jpg", ~a, "b-copy.jpg", ~a ^ (1L << 63), "c.jpg", 0x5555_0000_AAAA_FFFFL);
        assertEquals(List.of(List.of("a-chain.jpg", "a-small.jpg", "a.jpg"), List.of("b-copy.jpg", "b.jpg")), DuplicateGroups.of(hashes, 4));
        assertEquals(List.of(), DuplicateGroups.of(Map.of("x", 1L, "y", 2L), 0));
        assertThrows(IllegalArgumentException.class, () -> DuplicateGroups.of(hashes, 40));
    }

    @Test
    void bandsFindEveryPairThatBruteForceFinds() {
        Random random = new Random(11);
        Map<String, Long> hashes = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            long base = random.nextLong();
            hashes.put("img-" + i, base);
            if (i % 3 == 0) {
                long near = base;
                for (int flip = 0; flip < random.nextInt(9); flip++) {
                    near ^= 1L << random.nextInt(64);
                }
                hashes.put("img-" + i + "-near", near);
            }
        }
        for (int d : new int[] {0, 3, 6, 8}) {
            assertEquals(bruteForcePairs(hashes, d), pairsIn(DuplicateGroups.of(hashes, d)), "distance " + d);
        }
    }

    private static long bruteForcePairs(Map<String, Long> hashes, int d) {
        // with random 64-bit bases, unrelated hashes are never this close: groups are exactly the near pairs
        List<Long> values = List.copyOf(hashes.values());
        long pairs = 0;
        for (int i = 0; i < values.size(); i++) {
            for (int j = i + 1; j < values.size(); j++) {
                pairs += DHash.distance(values.get(i), values.get(j)) <= d ? 1 : 0;
            }
        }
        return pairs;
    }

    private static long pairsIn(List<List<String>> groups) {
        return groups.stream().mapToLong(g -> (long) g.size() * (g.size() - 1) / 2).sum();
    }
}
