package io.tessera.engine.dispatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a delivery ended, waiting to be written (acknowledged, counted, announced) in one script call; {@code madeNanos}:
 * when it ended; {@code finishedAt}: when each of the handler's outcomes was made (epoch ms, in order, as the handler
 * told them through {@link JobControl#imageFinished()}), so each image's event carries its own time.
 */
record Completion(Delivery delivery, Kind kind, List<ImageOutcome> outcomes, String error, long madeNanos, List<Long> finishedAt) {
    enum Kind {
        /** The handler ran: every image has an outcome. */
        DONE,
        /** The job was cancelled: acknowledged without running (the rest of) it. */
        CANCELLED,
        /** The task failed as a whole: another attempt later, or the dead letters. */
        FAILED
    }

    /** Images the handler gave no outcome for count as failed, so counters always add up. */
    static Completion done(Delivery delivery, List<ImageOutcome> outcomes) {
        List<ImageOutcome> all = new ArrayList<>(outcomes);
        Set<String> seen = new HashSet<>();
        outcomes.forEach(o -> seen.add(o.input()));
        for (String image : delivery.task().images()) {
            if (!seen.contains(image)) {
                all.add(ImageOutcome.failed(image, "the task handler returned no outcome for this image"));
            }
        }
        return new Completion(delivery, Kind.DONE, all, null, System.nanoTime(), List.of());
    }

    static Completion cancelled(Delivery delivery, List<ImageOutcome> outcomesSoFar) {
        return new Completion(delivery, Kind.CANCELLED, List.copyOf(outcomesSoFar), null, System.nanoTime(), List.of());
    }

    static Completion failed(Delivery delivery, String error) {
        return new Completion(delivery, Kind.FAILED, List.of(), error, System.nanoTime(), List.of());
    }

    /**
     * With the times the handler's images finished at, in the order of its outcomes (which come first: {@link #done} adds
     * failures for images without one after them). Ignored when there are more times than outcomes.
     */
    Completion withFinishTimes(List<Long> times) {
        return times.isEmpty() || times.size() > outcomes.size() ? this : new Completion(delivery, kind, outcomes, error, madeNanos, List.copyOf(times));
    }

    /** When outcome {@code i} was made: its own time when known, else now. */
    long finishedAt(int i) {
        return i < finishedAt.size() ? finishedAt.get(i) : System.currentTimeMillis();
    }
}
