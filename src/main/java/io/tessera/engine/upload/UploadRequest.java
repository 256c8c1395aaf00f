package io.tessera.engine.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What to upload where, how to settle name clashes, and how many files may be in flight at once. */
public record UploadRequest(List<UploadItem> items, String targetFolder, ConflictPolicy policy, int parallelism) {

    public UploadRequest {
        items = List.copyOf(items);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /** Where an item lands: the target folder joined with its relative name ("/" + "a.jpg" is "/a.jpg", not "//a.jpg"). */
    public String targetOf(UploadItem item) {
        return (targetFolder.endsWith("/") ? targetFolder : targetFolder + "/") + item.relativeTarget();
    }

    /**
     * Files and whole folders as dropped on the console or named on the command line: a folder keeps its
     * structure under its own name ("Holiday/day 1/a.jpg"). Only regular files are taken; links are not followed.
     */
    public static UploadRequest of(List<Path> sources, String targetFolder, ConflictPolicy policy, int parallelism) throws IOException {
        List<UploadItem> items = new ArrayList<>();
        for (Path source : sources) {
            Path absolute = source.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                Path base = absolute.getParent() == null ? absolute : absolute.getParent();
                try (Stream<Path> walk = Files.walk(absolute)) {
                    walk.filter(Files::isRegularFile).sorted()
                            .forEach(f -> items.add(new UploadItem(f, relative(base, f))));
                }
            } else if (Files.exists(absolute)) {
                items.add(new UploadItem(absolute, absolute.getFileName().toString()));
            } else {
                throw new IOException("no such file or folder: " + source);
            }
        }
        return new UploadRequest(items, targetFolder, policy, parallelism);
    }

    private static String relative(Path base, Path file) {
        List<String> parts = new ArrayList<>();
        base.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}
