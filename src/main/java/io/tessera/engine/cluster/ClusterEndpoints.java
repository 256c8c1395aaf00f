package io.tessera.engine.cluster;

/**
 * Where a running embedded cluster listens. The Redis password is not here: it lives in a
 * file readable only by its owner (see {@link EmbeddedRedis#passwordFile}). {@code secure}: Redis and ZooKeeper speak
 * TLS only and want the client certificate of {@link LocalCertificates} (an older file without it reads as not secured).
 */
public record ClusterEndpoints(String hdfsUri, String nameNodeWebUi, String zooKeeperConnect, String redisUri, long ownerPid, boolean secure) {

    public ClusterEndpoints(String hdfsUri, String nameNodeWebUi, String zooKeeperConnect, String redisUri, long ownerPid) {
        this(hdfsUri, nameNodeWebUi, zooKeeperConnect, redisUri, ownerPid, false);
    }
}
