package io.tessera.engine.connect;

import io.tessera.engine.security.tls.HandshakingSocketFactory;
import io.tessera.engine.security.tls.TlsConfig;
import io.tessera.engine.security.tls.TlsContexts;
import redis.clients.jedis.DefaultJedisClientConfig;

/** TLS for a Jedis connection: the profile's trust and key files, and the server's name checked unless the profile opts out. */
final class RedisTls {
    private RedisTls() {}

    static void apply(DefaultJedisClientConfig.Builder builder, boolean on, TlsConfig config) {
        builder.ssl(on);
        if (on) {
            builder.sslSocketFactory(new HandshakingSocketFactory(config)).sslParameters(TlsContexts.parameters(config));
        }
    }
}
