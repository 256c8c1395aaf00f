package io.tessera.engine.events;

/**
 * Where events go: the capped results stream {@code <prefix>events} (the record) and the channels
 * {@code <prefix>events:<job-id>} and {@code <prefix>events:all} (live copies, at most once).
 */
public record EventKeys(String prefix) {
    public static final EventKeys DEFAULT = new EventKeys("tessera:");

    public String results() {
        return prefix + "events";
    }

    /** Channels are this plus a job id, or plus "all". */
    public String channelPrefix() {
        return prefix + "events:";
    }

    public String jobChannel(String job) {
        return channelPrefix() + job;
    }

    public String allChannel() {
        return channelPrefix() + "all";
    }
}
