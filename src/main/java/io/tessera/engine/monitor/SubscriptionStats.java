package io.tessera.engine.monitor;

/** What came through one subscription (or was published on one channel) since it began, and its current rate. */
public record SubscriptionStats(Subscription subscription, long messages, double perSecond) {}
