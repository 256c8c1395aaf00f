package io.tessera.console.monitor;

import io.tessera.console.common.Formats;
import io.tessera.engine.monitor.ConsumerSummary;
import io.tessera.engine.monitor.GroupSummary;
import io.tessera.engine.monitor.IdleTime;
import io.tessera.engine.monitor.StreamSummary;
import java.util.List;

/**
 * A row of the streams tree: a stream, one of its consumer groups, or a consumer of a group, with the figures of its
 * columns already written out, and its children. {@link #id()} names it across refreshes (to keep rows open).
 */
public record StreamNode(Kind kind, String key, String group, String name, String entries, String pending, String lag,
                         String idle, String lastId, List<StreamNode> children) {
    public enum Kind { STREAM, GROUP, CONSUMER }

    static StreamNode stream(StreamSummary s, List<StreamNode> groups) {
        String range = s.firstId() == null ? "empty" : s.firstId() + " … " + s.lastId();
        return new StreamNode(Kind.STREAM, s.key(), null, s.key(), Formats.number(s.length()), "",
                "", "", range, groups);
    }

    static StreamNode group(String key, GroupSummary g, List<StreamNode> consumers) {
        return new StreamNode(Kind.GROUP, key, g.name(), g.name() + "  (" + g.consumers() + (g.consumers() == 1 ? " consumer)" : " consumers)"),
                "", Formats.number(g.pending()), g.lag() == null ? "unknown" : Formats.number(g.lag()), "",
                "delivered to " + g.lastDeliveredId(), consumers);
    }

    static StreamNode consumer(String key, String group, ConsumerSummary c) {
        return new StreamNode(Kind.CONSUMER, key, group, c.name(), "", Formats.number(c.pending()), "", IdleTime.text(c.idle()), "", List.of());
    }

    public String id() {
        return kind + "|" + key + "|" + group + "|" + (kind == Kind.CONSUMER ? name : "");
    }
}
