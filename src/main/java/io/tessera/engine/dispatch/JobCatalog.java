package io.tessera.engine.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;

/**
 * The jobs there are, for the jobs table: the job index ({@code <prefix>jobs}, written when a job is created)
 * newest first, each with its {@link JobStatus}, read with one index read and one pipeline of hash reads.
 */
public final class JobCatalog {
    private final UnifiedJedis redis;
    private final DispatchKeys keys;

    public JobCatalog(UnifiedJedis redis, DispatchKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    private void prune(List<String> gone) {
        try {
            redis.del(gone.stream().map(keys::control).toArray(String[]::new));
            redis.zrem(keys.jobs(), gone.toArray(String[]::new));
        } catch (JedisAccessControlException readOnly) {
            // a viewer: not ours to prune
        }
    }

    /** How a job was launched: its tasks' recipe (opaque text) and priority, as stored when it was created. */
    public record Launch(String recipe, Priority priority) {}

    /**
     * The newest {@code limit} jobs, newest first. An id whose hash is gone (a finished job's keys expire, see
     * {@code keepSeconds}) is skipped and dropped from the index, so the index does not outgrow the jobs; its control
     * hash goes with it (that hash does not expire with the job's keys: workers, who finish jobs, may not write it).
     * A viewer's read-only Redis user may not drop anything: the listing is the same, a console's listing prunes.
     */
    public List<JobStatus> newest(int limit) {
        List<String> ids = redis.zrevrange(keys.jobs(), 0, limit - 1);
        List<Response<Map<String, String>>> hashes = new ArrayList<>(ids.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String id : ids) {
                hashes.add(pipeline.hgetAll(keys.job(id)));
            }
            pipeline.sync();
        }
        List<JobStatus> jobs = new ArrayList<>(ids.size());
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Map<String, String> hash = hashes.get(i).get();
            if (!hash.isEmpty()) {
                jobs.add(JobStatus.fromHash(ids.get(i), hash));
            } else {
                gone.add(ids.get(i));
            }
        }
        if (!gone.isEmpty()) {
            prune(gone);
        }
        return jobs;
    }

    /** The recipe and priority a job was created with; empty for an unknown job or one created before they were kept. */
    public Optional<Launch> launch(String jobId) {
        List<String> values = redis.hmget(keys.job(jobId), "recipe", "priority");
        if (values.get(0) == null || values.get(0).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Launch(values.get(0), values.get(1) == null ? Priority.NORMAL : Priority.valueOf(values.get(1))));
    }
}
