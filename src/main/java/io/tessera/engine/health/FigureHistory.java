package io.tessera.engine.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The last {@code window} of named figures over time, in memory: what the dashboard's charts draw. */
public final class FigureHistory {
    public record Point(Instant at, double value) {}

    private final Duration window;
    private final Map<String, Deque<Point>> series = new LinkedHashMap<>();

    public FigureHistory(Duration window) {
        this.window = window;
    }

    /** Adds one sample of each figure taken at {@code at}; points older than the window go. */
    public synchronized void add(Instant at, Map<String, Double> figures) {
        figures.forEach((name, value) -> series.computeIfAbsent(name, n -> new ArrayDeque<>()).addLast(new Point(at, value)));
        Instant oldest = at.minus(window);
        for (Deque<Point> points : series.values()) {
            while (!points.isEmpty() && points.peekFirst().at().isBefore(oldest)) {
                points.removeFirst();
            }
        }
    }

    public synchronized List<Point> points(String name) {
        Deque<Point> points = series.get(name);
        return points == null ? List.of() : new ArrayList<>(points);
    }

    public Duration window() {
        return window;
    }
}
