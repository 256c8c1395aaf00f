package io.tessera.engine.health;

/**
 * One DataNode as the NameNode reports it: where, in what state, how full, when it last sent a heartbeat (seconds
 * before the report) and how many of its volumes failed.
 */
public record DataNodeFigures(String name, State state, long capacity, long used, long remaining, long lastContactSeconds,
                              int failedVolumes) {

    public enum State {
        LIVE("live"), STALE("stale (heartbeats missed)"), DEAD("dead"), DECOMMISSIONING("decommissioning"),
        DECOMMISSIONED("decommissioned"), MAINTENANCE("in maintenance");

        private final String text;

        State(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Used share of capacity, 0–1 (0 for a node that reports no capacity). */
    public double usedShare() {
        return capacity <= 0 ? 0 : (double) used / capacity;
    }
}
