package io.tessera.engine.dispatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How a delivery ended, waiting to be written (acknowledged, counted, announced) in one script call; {@code madeNanos}: when it ended. */
record Completion(Delivery delivery, Kind kind, List<ImageOutcome> outcomes, String error, long madeNanos) {
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
        return new Completion(delivery, Kind.DONE, all, null, System.nanoTime());
    }

    static Completion cancelled(Delivery delivery, List<ImageOutcome> outcomesSoFar) {
        return new Completion(delivery, Kind.CANCELLED, List.copyOf(outcomesSoFar), null, System.nanoTime());
    }

    static Completion failed(Delivery delivery, String error) {
        return new Completion(delivery, Kind.FAILED, List.of(), error, System.nanoTime());
    }
}
