package io.tessera.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.security.RedisRole;
import io.tessera.engine.security.RedisRoles;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** A Redis user with a role's rules ({@link RedisRoles}, what {@code tessera acl redis} prints), made by an admin target. */
public final class RedisRoleUsers {
    private RedisRoleUsers() {}

    /** {@code admin} as the user {@code tessera-<role>} with a fresh password and the role's rules under {@code prefix}. */
    public static ConnectionTarget as(ConnectionTarget admin, RedisRole role, String prefix) {
        String user = "tessera-" + role.label();
        String password = UUID.randomUUID().toString();
        try (Jedis root = jedis(admin)) {
            List<String> rules = new ArrayList<>(RedisRoles.rules(role, prefix));
            rules.add(">" + password);
            assertEquals("OK", root.aclSetUser(user, rules.toArray(String[]::new)));
        }
        return new ConnectionTarget(admin.profileName() + "+" + user, admin.hdfsUri(), admin.hdfsConfDir(), admin.hdfsUser(),
                admin.zooKeeperConnect(), admin.zooKeeperChroot(), admin.zooKeeperDigestUser(), admin.zooKeeperDigestPassword(),
                admin.redisUri(), user, password.toCharArray(), false);
    }

    /** A plain Jedis connection as the target's Redis user (no TLS). */
    public static Jedis jedis(ConnectionTarget target) {
        URI uri = URI.create(target.redisUri());
        var config = DefaultJedisClientConfig.builder().user(target.redisUser()).password(new String(target.redisPassword())).build();
        return new Jedis(new HostAndPort(uri.getHost(), uri.getPort()), config);
    }
}
