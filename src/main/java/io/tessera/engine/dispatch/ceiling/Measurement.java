package io.tessera.engine.dispatch.ceiling;

/** One contender's run: {@code tasks} tasks (or jobs) from submit to the last completion, and what that cost Redis. */
public record Measurement(Contender contender, int round, int tasks, double seconds, RedisUsage usage) {
    public double tasksPerSecond() {
        return tasks / seconds;
    }

    public double redisMicrosPerTask() {
        return usage.cpuSeconds() * 1e6 / tasks;
    }

    /** Tasks one Redis core coordinates per second of its CPU: the coordination ceiling. */
    public double tasksPerRedisSecond() {
        return tasks / usage.cpuSeconds();
    }

    public double imagesPerRedisSecond() {
        return tasksPerRedisSecond() * contender.imagesPerTask();
    }
}
