package io.tessera.engine.cluster;

/**
 * Where a running embedded cluster listens. The Redis password is not here: it lives in a
 * file readable only by its owner (see {@link EmbeddedRedis#passwordFile}).
 */
public record ClusterEndpoints(String hdfsUri, String nameNodeWebUi, String zooKeeperConnect, String redisUri, long ownerPid) {}
