package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Probes HDFS, ZooKeeper and Redis in parallel, each under a hard deadline: a probe that has not
 * answered by then is reported down with a reason, however long its client library would have waited.
 */
public final class HealthCheck {
    private static final List<ServiceProbe> PROBES = List.of(new HdfsProbe(), new ZooKeeperProbe(), new RedisProbe());
    private static final ExecutorService PROBE_THREADS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("health-probe-", 0).factory());

    private HealthCheck() {}

    public static Map<ServiceKind, ServiceHealth> checkAll(ConnectionTarget target, Duration timeout) {
        long began = System.nanoTime();
        Map<ServiceProbe, Future<ServiceHealth>> running = new LinkedHashMap<>();
        for (ServiceProbe probe : PROBES) {
            running.put(probe, PROBE_THREADS.submit(() -> probeTimed(probe, target, timeout)));
        }
        Map<ServiceKind, ServiceHealth> results = new EnumMap<>(ServiceKind.class);
        running.forEach((probe, future) -> results.put(probe.service(), await(probe, future, target, timeout, began)));
        return results;
    }

    public static ServiceHealth check(ServiceKind service, ConnectionTarget target, Duration timeout) {
        ServiceProbe probe = PROBES.stream().filter(p -> p.service() == service).findFirst().orElseThrow();
        return await(probe, PROBE_THREADS.submit(() -> probeTimed(probe, target, timeout)), target, timeout, System.nanoTime());
    }

    private static ServiceHealth await(ServiceProbe probe, Future<ServiceHealth> future, ConnectionTarget target, Duration timeout, long began) {
        // The client gets `timeout` per attempt; allow a little more for the whole exchange.
        long deadline = timeout.toMillis() * 2 + 500;
        long left = deadline - elapsed(began);
        try {
            return future.get(Math.max(left, 1), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return ServiceHealth.down(probe.service(), probe.service().displayName() + ": no answer from "
                    + probe.endpoint(target) + " within " + deadline / 1000.0 + " s", elapsed(began));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the caller stops (a monitor closing): the probe, bounded by its own timeout, ends by itself rather than be
            // interrupted inside a client library, which logs that as an error
            future.cancel(false);
            return ServiceHealth.unknown(probe.service(), "check interrupted");
        } catch (ExecutionException e) {
            return ServiceHealth.down(probe.service(), ConnectionErrors.describe(probe.service(), probe.endpoint(target), e.getCause()), elapsed(began));
        }
    }

    /** Runs on a probe thread, so a failure's latency is its own, not the time the caller waited for others. */
    private static ServiceHealth probeTimed(ServiceProbe probe, ConnectionTarget target, Duration timeout) {
        long began = System.nanoTime();
        try {
            return probe.probe(target, timeout);
        } catch (Exception e) {
            return ServiceHealth.down(probe.service(), ConnectionErrors.describe(probe.service(), probe.endpoint(target), e), elapsed(began));
        }
    }

    private static long elapsed(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }
}
