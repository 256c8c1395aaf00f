package io.tessera.engine.connect;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import io.tessera.engine.kerberos.HdfsIdentity;
import io.tessera.engine.kerberos.HdfsLogin;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.SentinelUri;
import io.tessera.engine.security.RoleAclProvider;
import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.zookeeper.data.ACL;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;

/** The one place that builds HDFS, ZooKeeper and Redis clients from a {@link ConnectionTarget}. */
public final class ClientFactory {
    /** The ACL of nodes created by a profile with ZooKeeper credentials in a cluster without a role policy: creator all, world read. */
    public static final List<ACL> SECURED_ACL = RoleAclProvider.UNMANAGED;

    private ClientFactory() {}

    /**
     * Hadoop settings for a target. With {@code failFast} the client makes one connection attempt with
     * a short timeout instead of Hadoop's default minutes of retries: what a health probe wants.
     */
    public static Configuration hadoopConfiguration(ConnectionTarget target, Duration timeout, boolean failFast) throws IOException {
        Configuration conf = new Configuration();
        if (target.hdfsConfDir() != null && !target.hdfsConfDir().isBlank()) {
            java.nio.file.Path dir = java.nio.file.Path.of(target.hdfsConfDir());
            if (!Files.isDirectory(dir)) {
                throw new IOException("The Hadoop configuration folder " + dir + " does not exist");
            }
            for (String site : new String[] {"core-site.xml", "hdfs-site.xml"}) {
                if (Files.exists(dir.resolve(site))) {
                    conf.addResource(new Path(dir.resolve(site).toUri()));
                }
            }
        }
        conf.set("fs.defaultFS", target.hdfsUri());
        if (ConnectionProfile.LOCAL_NAME.equals(target.profileName())) {
            // The embedded HDFS has one DataNode; the client default of 3 replicas would leave every file short.
            conf.setInt("dfs.replication", 1);
        }
        // A Kerberos profile never falls back to unauthenticated RPC (a server that answers "simple" is refused); a simple
        // profile must, once a Kerberos profile has switched this JVM's Hadoop security mode (see engine.kerberos.JvmSecurity).
        // RPC and data-transfer protection (hadoop.rpc.protection, dfs.data.transfer.protection) come from the folder's files.
        if (target.hdfsKerberos() != null) {
            conf.set("hadoop.security.authentication", "kerberos");
        }
        conf.setBoolean("ipc.client.fallback-to-simple-auth-allowed", target.hdfsKerberos() == null);
        conf.setBoolean("fs.hdfs.impl.disable.cache", true);
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 10);
        conf.setInt("ipc.client.connect.timeout", (int) timeout.toMillis());
        if (failFast) {
            conf.setInt("ipc.client.connect.max.retries", 0);
            conf.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
            conf.setInt("ipc.client.rpc-timeout.ms", (int) timeout.toMillis());
            conf.setBoolean("dfs.client.retry.policy.enabled", false);
            conf.setInt("dfs.client.failover.max.attempts", 0);
        }
        return conf;
    }

    /** A FileSystem acting as the target's HDFS identity (its Kerberos login, or its simple user), built inside that login. */
    public static FileSystem fileSystem(ConnectionTarget target, Duration timeout, boolean failFast) throws IOException {
        Configuration conf = hadoopConfiguration(target, timeout, failFast);
        URI uri = URI.create(target.hdfsUri());
        return hdfsLogin(target, conf).run(() -> FileSystem.get(uri, conf));
    }

    /** Who the target acts as in HDFS; signs in with Kerberos if the profile does (and has not yet). */
    public static HdfsIdentity hdfsIdentity(ConnectionTarget target) throws IOException {
        return hdfsLogin(target, hadoopConfiguration(target, Duration.ofSeconds(10), true)).identity();
    }

    private static HdfsLogin hdfsLogin(ConnectionTarget target, Configuration conf) throws IOException {
        return HdfsLogin.of(target.hdfsKerberos(), target.hdfsUser(), conf);
    }

    /** A Curator client, not yet started, working under the target's chroot. */
    public static CuratorFramework curator(ConnectionTarget target, Duration connectTimeout, RetryPolicy retry) {
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(target.zooKeeperConnect())
                .namespace(target.zooKeeperNamespace())
                .connectionTimeoutMs((int) connectTimeout.toMillis())
                .sessionTimeoutMs(15_000)
                // the profile's connect string is the truth: Curator's ensemble tracker would swap in the servers' own
                // addresses from /zookeeper/config, silently going around a proxy, NAT or port forward the profile names
                .ensembleTracker(false)
                .retryPolicy(retry);
        if (target.zooKeeperTlsOn()) {
            builder.zkClientConfig(ZooKeeperTls.clientConfig(target.zooKeeperTls()));
        }
        if (target.hasZooKeeperCredentials()) {
            String auth = target.zooKeeperDigestUser() + ":" + new String(target.zooKeeperDigestPassword());
            builder.authorization("digest", auth.getBytes(StandardCharsets.UTF_8));
            // Every node we create (the chroot too, which Curator makes on first use) gets the ACL of the cluster's
            // ZooKeeper role policy, or without one the profile's identity all and read for everyone (RoleAclProvider).
            RoleAclProvider acl = new RoleAclProvider(target.zooKeeperNamespace());
            CuratorFramework client = builder.aclProvider(acl).build();
            acl.attach(client);
            return client;
        }
        return builder.build();
    }

    public static JedisClientConfig redisConfig(ConnectionTarget target, Duration timeout) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis())
                .socketTimeoutMillis((int) timeout.toMillis())
                .protocol(RedisProtocol.RESP2)
                .clientName("tessera");
        RedisTls.apply(builder, target.redisTls(), target.redisTlsSettings());
        if (target.redisUser() != null && !target.redisUser().isBlank()) {
            builder.user(target.redisUser());
        }
        if (target.redisPassword() != null) {
            builder.password(new String(target.redisPassword()));
        }
        return builder.build();
    }

    /** One plain connection, for probes and short admin commands: to the primary the Sentinels name, with a Sentinel profile. */
    public static Jedis redisConnection(ConnectionTarget target, Duration timeout) {
        return new Jedis(redisAddress(target, timeout), redisConfig(target, timeout));
    }

    /** Where the profile's Redis (its current primary, with Sentinel) listens now. */
    static HostAndPort redisAddress(ConnectionTarget target, Duration timeout) {
        SentinelUri sentinel = RedisSentinels.of(target);
        return sentinel != null ? RedisSentinels.primary(sentinel, target, timeout) : new HostAndPort(target.redisHost(), target.redisPort());
    }

    /** A pooled client for the engine's long-lived work; with Sentinel it follows the primary across failovers. */
    public static RedisClient redisClient(ConnectionTarget target, Duration timeout) {
        SentinelUri sentinel = RedisSentinels.of(target);
        if (sentinel != null) {
            return RedisSentinels.client(sentinel, redisConfig(target, timeout), target, timeout);
        }
        return RedisClient.builder()
                .hostAndPort(target.redisHost(), target.redisPort())
                .clientConfig(redisConfig(target, timeout))
                .build();
    }
}
