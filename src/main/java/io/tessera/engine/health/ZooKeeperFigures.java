package io.tessera.engine.health;

import java.util.List;
import java.util.Optional;

/** Each server named in the profile's connect string, in its order. */
public record ZooKeeperFigures(List<ZooKeeperMember> members) implements ServiceDetail {

    public ZooKeeperFigures {
        members = List.copyOf(members);
    }

    /** The member that answered with the highest latency figure, for the summary and the charts. */
    public Optional<ZooKeeperMember> slowest() {
        return members.stream().filter(ZooKeeperMember::answered)
                .max((a, b) -> Double.compare(a.averageLatencyMillis(), b.averageLatencyMillis()));
    }
}
