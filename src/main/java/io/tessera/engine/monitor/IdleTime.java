package io.tessera.engine.monitor;

import java.time.Duration;

/** Idle times as the monitor writes them: "850 ms", "42 s", "17 min", "3 h". */
public final class IdleTime {
    private IdleTime() {}

    public static String text(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1_000) {
            return ms + " ms";
        }
        long s = ms / 1_000;
        return s < 120 ? s + " s" : s < 7_200 ? s / 60 + " min" : s / 3_600 + " h";
    }
}
