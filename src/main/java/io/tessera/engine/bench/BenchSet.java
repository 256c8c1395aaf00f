package io.tessera.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A named set of local image files a benchmark runs over, with a note on where it came from (e.g. which files are
 * WebP copies made for the run). Names of files in a set differ without their extensions, so tools that name outputs
 * after the input's stem (vipsthumbnail's {@code %s}) write one output per input.
 */
public record BenchSet(String name, List<Path> files, String note) {
    public BenchSet {
        files = List.copyOf(files);
    }

    public long bytes() {
        long sum = 0;
        for (Path file : files) {
            try {
                sum += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sum;
    }

    /** The files' contents, in order. */
    public List<byte[]> read() throws IOException {
        List<byte[]> contents = new java.util.ArrayList<>();
        for (Path file : files) {
            contents.add(Files.readAllBytes(file));
        }
        return contents;
    }
}
