package io.tessera.engine.shard;

/** Where a shard's input list lives when it is too long for its node: an HDFS file of JSON lines and its SHA-256. */
public record ManifestRef(String path, String sha256, int images) {}
