package io.tessera.engine.connect;

import io.tessera.engine.Reasons;
import io.tessera.engine.profile.SentinelUri;
import io.tessera.engine.security.tls.TlsMismatchException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.SentineledConnectionProvider;

/**
 * Redis behind Sentinel (a profile whose Redis URI is a {@link SentinelUri}): the engine's pooled client follows the
 * current primary through Jedis's {@link SentineledConnectionProvider} (it subscribes to every Sentinel's
 * {@code +switch-master} and swaps its pool); a plain connection asks the Sentinels where the primary is now.
 */
final class RedisSentinels {
    private RedisSentinels() {}

    static SentinelUri of(ConnectionTarget target) {
        return SentinelUri.isSentinel(target.redisUri()) ? SentinelUri.parse(target.redisUri()) : null;
    }

    /** A pooled client whose connections go to whichever server the Sentinels name primary. */
    static RedisClient client(SentinelUri sentinel, JedisClientConfig primaryConfig, ConnectionTarget target, Duration timeout) {
        SentineledConnectionProvider provider = new SentineledConnectionProvider(sentinel.masterName(), primaryConfig, addresses(sentinel),
                sentinelConfig(sentinel, target, timeout));
        // the builder insists on an address although the provider decides where connections go
        return RedisClient.builder().hostAndPort(provider.getCurrentMaster()).connectionProvider(provider).clientConfig(primaryConfig).build();
    }

    /** Where the primary is now, by the first Sentinel that knows; every Sentinel's failure in the message otherwise. */
    static HostAndPort primary(SentinelUri sentinel, ConnectionTarget target, Duration timeout) {
        JedisClientConfig config = sentinelConfig(sentinel, target, timeout);
        List<String> failures = new ArrayList<>();
        JedisException last = null;
        for (HostAndPort address : addresses(sentinel)) {
            try (Jedis jedis = new Jedis(address, config)) {
                List<String> primary = jedis.sentinelGetMasterAddrByName(sentinel.masterName());
                if (primary != null && primary.size() == 2) {
                    return new HostAndPort(primary.get(0), Integer.parseInt(primary.get(1)));
                }
                failures.add(address + " does not monitor '" + sentinel.masterName() + "'");
            } catch (JedisException e) {
                last = e;
                // a TLS mismatch with a Sentinel reads "Broken pipe" or "end of stream" unless looked at again
                Exception explained = TransportMismatch.redis(target, address, e, timeout);
                failures.add(address + ": " + (explained instanceof TlsMismatchException ? explained.getMessage() : Reasons.oneLine(e)));
            }
        }
        JedisConnectionException error = new JedisConnectionException("no Sentinel named the primary of '" + sentinel.masterName() + "' ("
                + String.join("; ", failures) + ")");
        if (last != null) {
            error.addSuppressed(last);
        }
        throw error;
    }

    private static Set<HostAndPort> addresses(SentinelUri sentinel) {
        Set<HostAndPort> addresses = new LinkedHashSet<>();
        sentinel.sentinels().forEach(a -> addresses.add(new HostAndPort(a.host(), a.port())));
        return addresses;
    }

    private static JedisClientConfig sentinelConfig(SentinelUri sentinel, ConnectionTarget target, Duration timeout) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis())
                .socketTimeoutMillis((int) timeout.toMillis())
                .protocol(RedisProtocol.RESP2);
        RedisTls.apply(builder, sentinel.tls(), target.redisTlsSettings());
        if (sentinel.authenticateSentinels()) {
            if (target.redisUser() != null && !target.redisUser().isBlank()) {
                builder.user(target.redisUser());
            }
            if (target.redisPassword() != null) {
                builder.password(new String(target.redisPassword()));
            }
        }
        return builder.build();
    }
}
