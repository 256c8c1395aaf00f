package io.tessera.engine.shard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The JSON of {@code jobs/<job-id>}: what to do to which folder, how it was sharded, and the plan's totals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSpec(String id, String input, List<String> operations, ShardLimits limits,
                      int shards, long images, long bytes, Instant created) {}
