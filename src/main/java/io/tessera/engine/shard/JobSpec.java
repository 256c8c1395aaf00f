package io.tessera.engine.shard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of {@code jobs/<job-id>}: what to do to which folder, how it was sharded, the plan's totals, and how its
 * shards become tasks ({@code tasks}; null for a plan that was only planned, or stored by an older version).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSpec(String id, String input, List<String> operations, ShardLimits limits,
                      int shards, long images, long bytes, Instant created, TaskSpec tasks) {

    /**
     * Names this plan in Redis (the job hash's {@code plan} field): a job hash with the same id but another tag
     * belongs to an earlier job of that id, not to this plan.
     */
    public String planTag() {
        return Long.toString(created.toEpochMilli());
    }
}
