package io.tessera.engine.health;

/**
 * One server of the ZooKeeper ensemble as its own {@code mntr} (or {@code srvr}) answer describes it. {@code mode} is
 * leader, follower, observer or standalone; {@code problem} is set instead when it did not answer or would not say
 * (four-letter words not allowed), and the figures are then -1.
 */
public record ZooKeeperMember(String address, String mode, String problem, String version, double averageLatencyMillis,
                              long maxLatencyMillis, long outstandingRequests, long znodes, long watches, long connections) {

    public static ZooKeeperMember unanswered(String address, String problem) {
        return new ZooKeeperMember(address, null, problem, null, -1, -1, -1, -1, -1, -1);
    }

    public boolean answered() {
        return problem == null;
    }

    /** These figures, with {@code other}'s where these are unknown (-1 or null). */
    public ZooKeeperMember orElse(ZooKeeperMember other) {
        return new ZooKeeperMember(address, mode != null ? mode : other.mode, problem, version != null ? version : other.version,
                averageLatencyMillis >= 0 ? averageLatencyMillis : other.averageLatencyMillis,
                maxLatencyMillis >= 0 ? maxLatencyMillis : other.maxLatencyMillis,
                outstandingRequests >= 0 ? outstandingRequests : other.outstandingRequests, znodes >= 0 ? znodes : other.znodes,
                watches >= 0 ? watches : other.watches, connections >= 0 ? connections : other.connections);
    }
}
