package io.tessera.engine.dispatch.ceiling;

import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.cluster.ClusterStartException;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchBenchmark;
import io.tessera.engine.dispatch.KeySpace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import redis.clients.jedis.RedisClient;

/**
 * The coordination ceiling: how many tasks (and images) one Redis core coordinates, Tessera's dispatch against BullMQ's
 * no-op jobs on the same private redis-server ({@link BenchRedis}), in interleaved rounds. Every run starts with CONFIG
 * RESETSTAT and ends with a reading of the server's CPU time and command statistics ({@link RedisUsage}); keys are deleted
 * after that reading, so cleaning up is no contender's cost. The order of the contenders rotates from round to round.
 */
public final class CeilingBenchmark {
    private static final int WARM_UP_DIVISOR = 4;

    /**
     * @param tasks          no-op tasks (and BullMQ jobs) per run; tasks of several images run {@code tasks / 4} tasks
     * @param imagesPerTask  the task sizes of Tessera's rows beside one image per task (e.g. 8, 32)
     * @param bullmqDir      the folder of the BullMQ baseline (packaging/bench/bullmq)
     */
    public record Settings(int tasks, int rounds, int handlerThreads, List<Integer> imagesPerTask, Path bullmqDir, int bullmqConcurrency,
                           Path scratch) {}

    private CeilingBenchmark() {}

    public static CeilingReport run(Settings settings, Consumer<String> log) throws IOException, InterruptedException, ClusterStartException {
        Optional<BullmqBaseline> bullmq = BullmqBaseline.prepare(settings.bullmqDir(), log);
        List<Contender> contenders = new ArrayList<>(List.of(Contender.tessera(1)));
        bullmq.ifPresent(b -> contenders.add(Contender.BULLMQ));
        settings.imagesPerTask().stream().filter(n -> n > 1).forEach(n -> contenders.add(Contender.tessera(n)));
        List<Measurement> measurements = new ArrayList<>();
        Optional<LoadAverage> loadBefore = LoadAverage.now();
        try (BenchRedis server = BenchRedis.start(settings.scratch());
             ClusterConnection connection = new ClusterConnection(server.target())) {
            RedisClient redis = connection.redis();
            log.accept("redis-server " + redis.info("server").lines().filter(l -> l.startsWith("redis_version:")).findFirst().orElse("?")
                    + " (pid " + server.pid() + ", no persistence) at " + server.uri() + "; warming up");
            for (Contender contender : contenders) {
                measure(server, redis, bullmq, contender, 0, Math.max(1, tasksOf(settings, contender) / WARM_UP_DIVISOR), settings);
            }
            for (int round = 1; round <= settings.rounds(); round++) {
                for (int i = 0; i < contenders.size(); i++) {
                    Contender contender = contenders.get((i + round - 1) % contenders.size());
                    Measurement m = measure(server, redis, bullmq, contender, round, tasksOf(settings, contender), settings);
                    measurements.add(m);
                    log.accept(String.format(java.util.Locale.ROOT, "round %d  %-32s %,9.0f tasks/s  %6.1f µs Redis CPU per task  (load %s)",
                            round, contender.name(), m.tasksPerSecond(), m.redisMicrosPerTask(), LoadAverage.text(LoadAverage.now())));
                }
            }
        }
        return new CeilingReport(contenders, measurements, loadBefore, LoadAverage.now());
    }

    private static int tasksOf(Settings settings, Contender contender) {
        return contender.imagesPerTask() == 1 ? settings.tasks() : Math.max(1, settings.tasks() / 4);
    }

    private static Measurement measure(BenchRedis server, RedisClient redis, Optional<BullmqBaseline> bullmq, Contender contender, int round,
                                       int tasks, Settings settings) throws IOException, InterruptedException {
        String prefix = "ceiling-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        try {
            RedisUsage before = RedisUsage.reset(redis);
            double seconds;
            if (contender.bullmq()) {
                seconds = bullmq.orElseThrow().run(server.uri(), server.password(), tasks, settings.bullmqConcurrency(),
                        prefix.substring(0, prefix.length() - 1)).seconds();
            } else {
                seconds = DispatchBenchmark.noop(redis, prefix, tasks, contender.imagesPerTask(), settings.handlerThreads()).seconds();
            }
            RedisUsage spent = RedisUsage.read(redis).minus(before);
            return new Measurement(contender, round, tasks, seconds, spent);
        } finally {
            KeySpace.delete(redis, prefix);
        }
    }
}
