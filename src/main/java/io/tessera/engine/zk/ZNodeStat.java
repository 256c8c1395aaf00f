package io.tessera.engine.zk;

import java.time.Instant;
import org.apache.zookeeper.data.Stat;

/** A node's stat as plain values; {@code ephemeralOwner} is the owning session, 0 for a persistent node. */
public record ZNodeStat(long czxid, long mzxid, Instant created, Instant modified, int version, int cversion, int aversion,
                        long ephemeralOwner, int dataLength, int numChildren) {

    public boolean ephemeral() {
        return ephemeralOwner != 0;
    }

    static ZNodeStat of(Stat stat) {
        return new ZNodeStat(stat.getCzxid(), stat.getMzxid(), Instant.ofEpochMilli(stat.getCtime()), Instant.ofEpochMilli(stat.getMtime()),
                stat.getVersion(), stat.getCversion(), stat.getAversion(), stat.getEphemeralOwner(), stat.getDataLength(), stat.getNumChildren());
    }
}
