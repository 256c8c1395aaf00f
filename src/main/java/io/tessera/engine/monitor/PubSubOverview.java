package io.tessera.engine.monitor;

import java.util.List;

/**
 * The server's view of pub/sub: active channels (PUBSUB CHANNELS, with NUMSUB), the number of pattern subscriptions
 * (NUMPAT) and active shard channels (Redis 7+; empty, with {@code shardSupported} false, on older servers). Lists are
 * sorted by name and cut at {@link PubSubMonitor#OVERVIEW_LIMIT}; {@code truncated} says when.
 */
public record PubSubOverview(List<ChannelCount> channels, long patterns, List<ChannelCount> shardChannels,
                             boolean shardSupported, boolean truncated) {}
