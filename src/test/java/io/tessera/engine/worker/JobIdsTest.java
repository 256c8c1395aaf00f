package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.ops.Pipeline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobIdsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T01:42:00Z"), ZoneOffset.UTC);

    @Test
    void idsSayWhatAndWhenAndAreValidJobIds() {
        String id = JobIds.forPipeline(Pipeline.parse(List.of("thumbnail:256", "grayscale"), null), clock);
        assertTrue(id.matches("thumbs-20261129-0142-[0-9a-f]{4}"), id);
        DispatchKeys.checkJobId(id);
        assertTrue(JobIds.forPipeline(Pipeline.parse(List.of("resize:w=800"), null), clock).startsWith("resize-20261129-0142-"));
        assertTrue(JobIds.next("Retry of x/y!", clock).startsWith("retryofxy-"));
    }

    @Test
    void idsMadeInOneMinuteDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(JobIds.next("job", clock));
        }
        assertNotEquals(1, ids.size());
        assertTrue(ids.size() >= 15, "random tails: " + ids);
    }
}
