package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.health.RedisFigures;
import io.tessera.engine.profile.SentinelUri;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Redis health: PING, then version, uptime, memory and clients from INFO, and the dashboard's {@link RedisFiguresReader figures}. */
final class RedisProbe implements ServiceProbe {
    @Override
    public ServiceKind service() {
        return ServiceKind.REDIS;
    }

    @Override
    public ServiceHealth probe(ConnectionTarget target, Duration timeout) throws Exception {
        long began = System.nanoTime();
        HostAndPort address = ClientFactory.redisAddress(target, timeout);
        try (Jedis jedis = connect(target, address, timeout)) {
            Map<String, String> info = parseInfo(jedis.info());
            RedisFigures figures = RedisFiguresReader.read(jedis, info);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("URI", target.redisUri() + (target.redisTls() ? " (TLS)" : ""));
            if (SentinelUri.isSentinel(target.redisUri())) {
                details.put("Primary", address + " (named by Sentinel)");
            }
            details.put("Version", info.getOrDefault("redis_version", "?"));
            details.put("Uptime", humanSeconds(info.getOrDefault("uptime_in_seconds", "0")));
            details.put("Memory", info.getOrDefault("used_memory_human", "?") + "B");
            details.put("Clients", info.getOrDefault("connected_clients", "?"));
            details.put("Keys", Long.toString(jedis.dbSize()));
            details.put("Role", figures.role() + (figures.replicas().isEmpty() ? "" : ", " + figures.replicas().size() + " replica(s)"));
            details.put("Persistence", "1".equals(info.get("aof_enabled")) ? "append-only file" : "snapshots");
            long ms = (System.nanoTime() - began) / 1_000_000;
            String summary = "version " + details.get("Version") + ", " + details.get("Keys") + " keys, " + details.get("Memory");
            ServiceHealth.State state = figures.persistenceProblem() == null ? ServiceHealth.State.UP : ServiceHealth.State.DEGRADED;
            return new ServiceHealth(service(), state, figures.persistenceProblem() == null ? summary : summary + " (" + figures.persistenceProblem() + ")",
                    details, ms, Instant.now(), figures);
        }
    }

    /** A connection that answered PING; a failure that is a TLS mismatch says which. */
    private static Jedis connect(ConnectionTarget target, HostAndPort address, Duration timeout) throws Exception {
        Jedis jedis = null;
        try {
            jedis = new Jedis(address, ClientFactory.redisConfig(target, timeout));
            jedis.ping();
            return jedis;
        } catch (JedisConnectionException e) {
            if (jedis != null) {
                jedis.close();
            }
            throw TransportMismatch.redis(target, address, e, timeout);
        }
    }

    static Map<String, String> parseInfo(String info) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int sep = line.indexOf(':');
            if (sep > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, sep), line.substring(sep + 1).strip());
            }
        }
        return values;
    }

    private static String humanSeconds(String seconds) {
        long s = Long.parseLong(seconds);
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
    }

    @Override
    public String endpoint(ConnectionTarget target) {
        return target.redisUri();
    }
}
