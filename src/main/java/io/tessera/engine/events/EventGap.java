package io.tessera.engine.events;

/**
 * Events a follower could not deliver because the capped results stream had dropped them before it caught
 * up (it was away too long, or fell too far behind). Reported in order, between the last event before the
 * gap and the first after it.
 *
 * @param missed     how many events are lost; -1 when it cannot be told (the stream was reset, or the server
 *                   does not count the entries it took)
 * @param lastSeenId the last event delivered before the gap
 * @param resumedAt  the oldest event still kept ("" when the stream is empty)
 */
public record EventGap(long missed, String lastSeenId, String resumedAt) {
    public String describe() {
        return (missed < 0 ? "Missed an unknown number of events" : "Missed " + missed + (missed == 1 ? " event" : " events"))
                + ": the results stream no longer holds them";
    }
}
