package io.tessera.engine.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * One shard of a job as dispatch counts it (the job's {@code shards} hash): tasks not settled yet, images
 * done and failed, tasks dead-lettered and cancelled. Authoritative, whichever worker ran what.
 */
public record ShardTally(String job, int shard, long tasksLeft, long done, long failed, long deadTasks, long cancelledTasks) {

    /** Every task of the shard is settled (done, cancelled or dead): its figures are final unless dead letters are requeued. */
    public boolean settled() {
        return tasksLeft <= 0;
    }

    /** Every image of a settled shard went through: nothing failed, died or was cancelled. */
    public boolean clean() {
        return failed == 0 && deadTasks == 0 && cancelledTasks == 0;
    }

    /** Why a settled shard is not clean, in a line: "3 images failed; 1 task dead-lettered". Null when clean. */
    public String problems() {
        List<String> parts = new ArrayList<>();
        if (failed > 0) {
            parts.add(failed + (failed == 1 ? " image failed" : " images failed"));
        }
        if (deadTasks > 0) {
            parts.add(deadTasks + (deadTasks == 1 ? " task dead-lettered" : " tasks dead-lettered"));
        }
        if (cancelledTasks > 0) {
            parts.add(cancelledTasks + (cancelledTasks == 1 ? " task cancelled" : " tasks cancelled"));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The tallies in a script's answer: {@code {counted, {shard, left, done, failed, dead, cancelled}...}}; none for a plain number. */
    static List<ShardTally> fromAnswer(String job, Object answer) {
        if (!(answer instanceof List<?> list)) {
            return List.of();
        }
        List<ShardTally> tallies = new ArrayList<>();
        for (Object item : list.subList(1, list.size())) {
            List<?> v = (List<?>) item;
            tallies.add(new ShardTally(job, ((Long) v.get(0)).intValue(), (Long) v.get(1), (Long) v.get(2), (Long) v.get(3),
                    (Long) v.get(4), (Long) v.get(5)));
        }
        return tallies;
    }

    /** The fields of {@code shard} in a job's shards hash, in the order {@link #fromValues} takes them. */
    static String[] fields(int shard) {
        return new String[] {shard + ":left", shard + ":done", shard + ":failed", shard + ":dead", shard + ":cancelled"};
    }

    /** The tally from the values of {@link #fields}; null when the hash does not track the shard. */
    static ShardTally fromValues(String job, int shard, List<String> values) {
        if (values.getFirst() == null) {
            return null;
        }
        long[] v = values.stream().mapToLong(value -> value == null ? 0 : Long.parseLong(value)).toArray();
        return new ShardTally(job, shard, v[0], v[1], v[2], v[3], v[4]);
    }
}
