package io.tessera.engine.monitor;

import java.nio.charset.StandardCharsets;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.BinaryJedisShardedPubSub;
import redis.clients.jedis.Connection;

/**
 * The pub/sub protocol on one subscriber connection. Jedis has two kinds (classic, for channels and patterns, and
 * sharded); this gives the {@link Subscriber} one shape for both. {@link #run} blocks reading until the server
 * confirms that nothing is subscribed any more; the other methods write and may be called from other threads.
 */
interface Wire {
    void run(Connection connection, Subscription first);

    void subscribe(Subscription subscription);

    void unsubscribe(Subscription subscription);

    /** What a wire tells its subscriber, on the reading thread. */
    interface Events {
        /** The server confirmed a subscription ({@code active}) or its end: the wire now takes commands. */
        void confirmed(Wire wire, Subscription subscription, boolean active);

        void received(Subscription via, byte[] channel, byte[] payload);
    }

    static Wire classic(Events events) {
        return new Classic(events);
    }

    static Wire sharded(Events events) {
        return new Sharded(events);
    }

    /** SUBSCRIBE and PSUBSCRIBE share one connection. */
    final class Classic extends BinaryJedisPubSub implements Wire {
        private final Events events;

        Classic(Events events) {
            this.events = events;
        }

        @Override
        public void run(Connection connection, Subscription first) {
            if (first.kind() == SubscriptionKind.PATTERN) {
                proceedWithPatterns(connection, first.nameBytes());
            } else {
                proceed(connection, first.nameBytes());
            }
        }

        @Override
        public void subscribe(Subscription subscription) {
            if (subscription.kind() == SubscriptionKind.PATTERN) {
                psubscribe(subscription.nameBytes());
            } else {
                subscribe(subscription.nameBytes());
            }
        }

        @Override
        public void unsubscribe(Subscription subscription) {
            if (subscription.kind() == SubscriptionKind.PATTERN) {
                punsubscribe(subscription.nameBytes());
            } else {
                unsubscribe(subscription.nameBytes());
            }
        }

        @Override
        public void onMessage(byte[] channel, byte[] message) {
            events.received(Subscription.channel(text(channel)), channel, message);
        }

        @Override
        public void onPMessage(byte[] pattern, byte[] channel, byte[] message) {
            events.received(Subscription.pattern(text(pattern)), channel, message);
        }

        @Override
        public void onSubscribe(byte[] channel, int subscribedChannels) {
            events.confirmed(this, Subscription.channel(text(channel)), true);
        }

        @Override
        public void onPSubscribe(byte[] pattern, int subscribedChannels) {
            events.confirmed(this, Subscription.pattern(text(pattern)), true);
        }

        @Override
        public void onUnsubscribe(byte[] channel, int subscribedChannels) {
            events.confirmed(this, Subscription.channel(text(channel)), false);
        }

        @Override
        public void onPUnsubscribe(byte[] pattern, int subscribedChannels) {
            events.confirmed(this, Subscription.pattern(text(pattern)), false);
        }
    }

    /** SSUBSCRIBE (Redis 7+): shard channels on their own connection. */
    final class Sharded extends BinaryJedisShardedPubSub implements Wire {
        private final Events events;

        Sharded(Events events) {
            this.events = events;
        }

        @Override
        public void run(Connection connection, Subscription first) {
            proceed(connection, first.nameBytes());
        }

        @Override
        public void subscribe(Subscription subscription) {
            ssubscribe(subscription.nameBytes());
        }

        @Override
        public void unsubscribe(Subscription subscription) {
            sunsubscribe(subscription.nameBytes());
        }

        @Override
        public void onSMessage(byte[] channel, byte[] message) {
            events.received(Subscription.shardChannel(text(channel)), channel, message);
        }

        @Override
        public void onSSubscribe(byte[] channel, int subscribedChannels) {
            events.confirmed(this, Subscription.shardChannel(text(channel)), true);
        }

        @Override
        public void onSUnsubscribe(byte[] channel, int subscribedChannels) {
            events.confirmed(this, Subscription.shardChannel(text(channel)), false);
        }
    }

    private static String text(byte[] name) {
        return new String(name, StandardCharsets.UTF_8);
    }
}
