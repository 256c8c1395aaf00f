package io.tessera.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Real photographs for tests that compare image paths, when a sample folder is there: {@code -Dtessera.corpus=DIR},
 * else {@code $TESSERA_CORPUS}, else {@code ~/.cache/tessera/sample-corpus} (`src/test/scripts/make-sample.sh DIR`
 * builds one from Debian's wallpapers; `.ci/run` fills the default folder before the test command); otherwise
 * {@link PhotoLike}'s generated stand-ins, so such tests always run and can fail.
 */
public final class SampleImages {
    public static final String PROPERTY = "tessera.corpus";

    private SampleImages() {}

    /** The sample folder, when one was given and holds images. */
    public static Optional<Path> folder() {
        String dir = System.getProperty(PROPERTY, Optional.ofNullable(System.getenv("TESSERA_CORPUS"))
                .orElse(System.getProperty("user.home") + "/.cache/tessera/sample-corpus"));
        if (dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            return Optional.empty();
        }
        return list(Path.of(dir)).isEmpty() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** The sample's JPEG and PNG files by name, or generated files of every layout when there is no sample. */
    public static List<Named> all() {
        return folder().map(dir -> list(dir).stream().map(SampleImages::read).toList()).orElseGet(SampleImages::generated);
    }

    /** At most {@code n} files, spread over the formats and sizes at hand (every k-th by size). */
    public static List<Named> some(int n) {
        List<Named> all = new ArrayList<>(all());
        all.sort(Comparator.comparingInt(f -> f.bytes().length));
        if (all.size() <= n) {
            return all;
        }
        List<Named> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(all.get(i * (all.size() - 1) / (n - 1)));
        }
        return chosen;
    }

    public static boolean real() {
        return folder().isPresent();
    }

    public record Named(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Named> generated() {
        List<Named> files = new ArrayList<>();
        long seed = 1;
        for (int[] size : new int[][] {{1200, 800}, {700, 1050}}) {
            for (Map.Entry<String, byte[]> f : PhotoLike.files(size[0], size[1], seed++).entrySet()) {
                files.add(new Named(size[0] + "x" + size[1] + "-" + f.getKey(), f.getValue()));
            }
        }
        return files;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase().matches(".*\\.(jpe?g|png|webp|gif|bmp|tiff?)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Named read(Path file) {
        try {
            return new Named(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
