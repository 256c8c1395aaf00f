package io.tessera.engine.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Near-duplicate groups from dHashes: images whose hashes differ in at most {@code maxDistance} bits end in
 * one group (transitively). Candidates come from bands: split into maxDistance+1 bands, two hashes that close
 * agree exactly on at least one band (pigeonhole), so only images sharing a band value are compared, not all pairs.
 */
public final class DuplicateGroups {
    private DuplicateGroups() {}

    /** Groups of two or more, each sorted by name, largest first. */
    public static List<List<String>> of(Map<String, Long> hashes, int maxDistance) {
        if (maxDistance < 0 || maxDistance > 31) {
            throw new IllegalArgumentException("the distance must be between 0 and 31 bits, not " + maxDistance);
        }
        List<String> names = new ArrayList<>(new TreeMap<>(hashes).keySet());
        int[] parent = new int[names.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int bands = maxDistance + 1;
        int width = 64 / bands;
        for (int band = 0; band < bands; band++) {
            int shift = band * width;
            long mask = band == bands - 1 ? -1L >>> shift : (1L << width) - 1;
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                buckets.computeIfAbsent((hashes.get(names.get(i)) >>> shift) & mask, k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int a = 0; a < bucket.size(); a++) {
                    for (int b = a + 1; b < bucket.size(); b++) {
                        int i = bucket.get(a);
                        int j = bucket.get(b);
                        if (DHash.distance(hashes.get(names.get(i)), hashes.get(names.get(j))) <= maxDistance) {
                            parent[root(parent, i)] = root(parent, j);
                        }
                    }
                }
            }
        }
        Map<Integer, List<String>> groups = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(names.get(i));
        }
        return groups.values().stream().filter(g -> g.size() > 1)
                .sorted(Comparator.<List<String>>comparingInt(List::size).reversed().thenComparing(g -> g.getFirst()))
                .toList();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
