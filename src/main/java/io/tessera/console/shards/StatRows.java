package io.tessera.console.shards;

import io.tessera.console.common.Formats;
import io.tessera.engine.zk.ZNodeStat;
import java.time.Instant;
import java.util.List;

/** A node's stat as readable label/value rows: local times with how long ago, sizes in words, the ephemeral owner's session. */
public final class StatRows {
    /** One row of the stat table. */
    public record Row(String label, String value) {}

    private StatRows() {}

    static List<Row> of(ZNodeStat stat, Instant now) {
        return List.of(
                new Row("Created", Formats.time(stat.created(), now)),
                new Row("Modified", Formats.time(stat.modified(), now)),
                new Row("Data version", Formats.number(stat.version())),
                new Row("Data length", Formats.exactSize(stat.dataLength())),
                new Row("Children", Formats.number(stat.numChildren())),
                new Row("Ephemeral owner", stat.ephemeral() ? "session 0x" + Long.toHexString(stat.ephemeralOwner()) : "none (persistent)"),
                new Row("Children version", Formats.number(stat.cversion())),
                new Row("ACL version", Formats.number(stat.aversion())),
                new Row("Created zxid", "0x" + Long.toHexString(stat.czxid())),
                new Row("Modified zxid", "0x" + Long.toHexString(stat.mzxid())));
    }
}
