package io.tessera.engine.health;

/** Something an operator should look at: how bad, where (HDFS, ZooKeeper, Redis, Workers) and why, in one line. */
public record Alert(Severity severity, String source, String message) {

    public enum Severity { WARNING, CRITICAL }

    @Override
    public String toString() {
        return source + ": " + message;
    }
}
