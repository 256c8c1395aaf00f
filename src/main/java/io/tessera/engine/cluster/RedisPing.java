package io.tessera.engine.cluster;

import java.io.IOException;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** Waiting for a redis-server this process started (a benchmark's, a test's) until it answers PING. */
public final class RedisPing {
    private RedisPing() {}

    /** Waits until {@code process} answers PING on {@code host:port}; fails when it exits or the time is up. */
    public static void awaitPong(String host, int port, String password, Process process, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        var config = DefaultJedisClientConfig.builder().password(password).connectionTimeoutMillis(200).socketTimeoutMillis(500).build();
        while (true) {
            try (Jedis jedis = new Jedis(new HostAndPort(host, port), config)) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("redis-server did not start on port " + port, notYet);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server", e);
            }
        }
    }
}
