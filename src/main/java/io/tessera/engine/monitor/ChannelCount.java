package io.tessera.engine.monitor;

/** A channel with at least one subscriber on the server, and how many it has (PUBSUB NUMSUB / SHARDNUMSUB). */
public record ChannelCount(String channel, long subscribers) {}
