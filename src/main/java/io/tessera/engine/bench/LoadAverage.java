package io.tessera.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The system's load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}), printed with every benchmark table. */
public record LoadAverage(double one, double five, double fifteen) {
    private static final Path PROC = Path.of("/proc/loadavg");

    /** Empty where the system has no {@code /proc/loadavg} (not Linux). */
    public static Optional<LoadAverage> now() {
        try {
            String[] fields = Files.readString(PROC).trim().split("\\s+");
            return Optional.of(new LoadAverage(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "1.02 0.87 0.60", or "unknown". */
    public static String text(Optional<LoadAverage> load) {
        return load.map(LoadAverage::toString).orElse("unknown");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", one, five, fifteen);
    }
}
