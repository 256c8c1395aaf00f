package io.tessera.cli;

import io.tessera.engine.images.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A benchmark's local folder of photos: the files with image names below it, in path order, at most {@code limit}. */
final class Corpus {
    private Corpus() {}

    static List<Path> images(Path folder, int limit) throws IOException {
        List<Path> images;
        try (Stream<Path> files = Files.walk(folder)) {
            images = files.filter(Files::isRegularFile).filter(p -> ImageFormat.hasImageExtension(p.getFileName().toString()))
                    .sorted().limit(limit).toList();
        }
        if (images.isEmpty()) {
            throw new ReadableErrors.UserError("no images under " + folder, 2);
        }
        return images;
    }
}
