package io.tessera.console.monitor;

import io.tessera.console.common.Formats;
import io.tessera.engine.monitor.Subscription;
import java.util.Locale;

/** A subscription as the list shows it: whether the server confirmed it, its message count and rate. */
public record SubscriptionRow(Subscription subscription, boolean active, long messages, double perSecond) {

    /** "12.5 msg/s · 1,204". */
    public String traffic() {
        String rate = perSecond >= 10 ? String.format(Locale.ROOT, "%.0f", perSecond) : String.format(Locale.ROOT, "%.1f", perSecond);
        return rate + " msg/s · " + Formats.number(messages);
    }
}
