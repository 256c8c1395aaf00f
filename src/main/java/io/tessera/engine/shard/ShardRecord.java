package io.tessera.engine.shard;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tessera.engine.zk.ZkJson;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of {@code jobs/<job-id>/shards/<nnnnn>}. Inputs are paths relative to the job's input folder,
 * either inline ({@code inputs}) or, for long lists, in an HDFS manifest ({@code manifest}); never both.
 * {@code owner} is the worker id holding the shard (QUEUED: assigned to, RUNNING: working on it);
 * {@code done}/{@code failed} count images finished so far.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShardRecord(int index, ShardState state, String owner, int attempts, int images, long bytes,
                          List<ImageFile> inputs, ManifestRef manifest, int done, int failed, String error, Instant updated) {

    public static ShardRecord planned(int index, int images, long bytes, List<ImageFile> inputs, ManifestRef manifest) {
        return new ShardRecord(index, ShardState.PLANNED, null, 0, images, bytes, inputs, manifest, 0, 0, null, Instant.now());
    }

    public ShardRecord moveTo(ShardState next, String newOwner) {
        if (next != state && !state.canBecome(next)) {
            throw new IllegalStateException("shard " + index + " cannot go from " + state + " to " + next);
        }
        return new ShardRecord(index, next, newOwner, attempts, images, bytes, inputs, manifest, done, failed, error, Instant.now());
    }

    public ShardRecord withProgress(int doneNow, int failedNow) {
        return new ShardRecord(index, state, owner, attempts, images, bytes, inputs, manifest, doneNow, failedNow, error, Instant.now());
    }

    /** Back in play after its worker vanished: no owner, no progress, one attempt more. */
    public ShardRecord requeued(ShardState to, String reason) {
        return new ShardRecord(index, to, null, attempts + 1, images, bytes, inputs, manifest, 0, 0, reason, Instant.now());
    }

    public ShardRecord withError(String message) {
        return new ShardRecord(index, state, owner, attempts, images, bytes, inputs, manifest, done, failed, message, Instant.now());
    }

    public byte[] toJson() {
        return ZkJson.bytes(this);
    }

    /** For views that get a shard node's bytes from a watcher and want the record. */
    public static ShardRecord fromJson(byte[] json) throws IOException {
        return ZkJson.read(json, ShardRecord.class, "shard node");
    }
}
