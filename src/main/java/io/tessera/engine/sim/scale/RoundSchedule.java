package io.tessera.engine.sim.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The order of a scaling run's jobs: every host count once per round, rounds going up and down in turn (1, 2, 4, 8, 16, 16, 8,
 * 4, 2, 1, …), so a drift of the machine over the run (another load, a warmer JIT, a fuller HDFS) touches every host count
 * alike, and each step starts or stops as few worker hosts as possible.
 */
public final class RoundSchedule {
    private RoundSchedule() {}

    /** One job's place: its round (from 0) and how many worker hosts serve it. */
    public record Slot(int round, int hosts) {}

    public static List<Slot> of(List<Integer> hostCounts, int rounds) {
        if (hostCounts.isEmpty() || rounds < 1) {
            throw new IllegalArgumentException("a scaling run needs at least one host count and one round");
        }
        List<Integer> up = new ArrayList<>(new TreeSet<>(hostCounts));
        if (up.getFirst() < 1) {
            throw new IllegalArgumentException("host counts start at 1, not " + up.getFirst());
        }
        List<Integer> down = up.reversed();
        List<Slot> slots = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int hosts : round % 2 == 0 ? up : down) {
                slots.add(new Slot(round, hosts));
            }
        }
        return slots;
    }

    /** "1,2,4,8,16" as host counts; a clear one-line error for anything else. */
    public static List<Integer> parseHosts(String text) {
        List<Integer> hosts = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                hosts.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("host counts are whole numbers separated by commas, e.g. 1,2,4,8,16, not '" + text + "'");
            }
        }
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(hosts));
        if (sorted.getFirst() < 1) {
            throw new IllegalArgumentException("host counts start at 1, not " + sorted.getFirst());
        }
        return sorted;
    }
}
