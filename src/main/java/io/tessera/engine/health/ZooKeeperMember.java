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
}
