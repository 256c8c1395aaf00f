package io.tessera.console.common;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, sizes and times as the panels write them. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {}

    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    /** "1.2 MB"; "512 bytes" below a KB. */
    public static String size(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double scaled = n / 1024.0;
        int unit = 0;
        while (scaled >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", scaled, units[unit]);
    }

    /** "1.2 MB (1,234,567 bytes)". */
    public static String exactSize(long n) {
        return n < 1024 ? n + " bytes" : size(n) + " (" + number(n) + " bytes)";
    }

    /** "2026-11-03 14:02:11 (5 min ago)", in the local time zone. */
    public static String time(Instant at, Instant now) {
        return TIME.format(at) + " (" + ago(Duration.between(at, now)) + ")";
    }

    public static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3_600) {
            return s / 60 + " min ago";
        }
        if (s < 86_400) {
            return s / 3_600 + " h " + (s % 3_600) / 60 + " min ago";
        }
        return s / 86_400 + " days ago";
    }

    /** "45 s", "3 min 05 s", "2 h 10 min". */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
