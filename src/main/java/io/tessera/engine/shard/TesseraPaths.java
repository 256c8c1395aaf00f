package io.tessera.engine.shard;

import io.tessera.engine.dispatch.JobId;
import io.tessera.engine.zk.ZkAccess;

/** The znode layout under the Tessera root (the chroot), in one place. See docs/architecture.md, "ZooKeeper znode layout". */
public final class TesseraPaths {
    public static final String JOBS = "/jobs";
    public static final String WORKERS = "/workers";
    public static final String COORDINATOR = "/coordinator";
    public static final String LOCKS = "/locks";
    /** Operators' requests to workers (drain, stop), one node per worker, read by the worker it names. */
    public static final String WORKER_REQUESTS = "/worker-requests";

    private TesseraPaths() {}

    public static String job(String jobId) {
        JobId.check(jobId);
        return JOBS + "/" + jobId;
    }

    public static String shards(String jobId) {
        return job(jobId) + "/shards";
    }

    /** Five digits, more when a plan has 100,000 shards or more; readers order shards by the number, not the name. */
    public static String shard(String jobId, int index) {
        return shards(jobId) + "/" + String.format("%05d", index);
    }

    /** Written last, after every shard: a job without it is a plan being written (or abandoned). */
    public static String committed(String jobId) {
        return job(jobId) + "/committed";
    }

    /** Present once the job was cancelled: the durable record of it (Redis has the flag workers read). */
    public static String cancelled(String jobId) {
        return job(jobId) + "/cancelled";
    }

    /**
     * Present while an operator has the job paused: the durable record of it (Redis has the flag workers read), so a
     * Redis that loses the flag, or the whole job, cannot set the job running again.
     */
    public static String paused(String jobId) {
        return job(jobId) + "/paused";
    }

    /** The lock a submit of the job holds while it plans and dispatches (Curator lock recipe; container nodes). */
    public static String submitLock(String jobId) {
        JobId.check(jobId);
        return LOCKS + "/submit/" + jobId;
    }

    public static String worker(String workerId) {
        ZkAccess.checkName(workerId, "worker id");
        return WORKERS + "/" + workerId;
    }

    public static String workerRequest(String workerId) {
        ZkAccess.checkName(workerId, "worker id");
        return WORKER_REQUESTS + "/" + workerId;
    }
}
