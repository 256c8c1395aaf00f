package io.tessera.engine.kerberos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where Debian's libfaketime (package faketime) is, to move a child process's clock; null when it is not installed. */
final class Libfaketime {
    private Libfaketime() {}

    static Path find() throws IOException {
        Path lib = Path.of("/usr/lib");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        try (Stream<Path> arches = Files.list(lib)) {
            return arches.map(arch -> arch.resolve("faketime/libfaketime.so.1")).filter(Files::isRegularFile).findFirst()
                    .or(() -> Stream.of(lib.resolve("faketime/libfaketime.so.1")).filter(Files::isRegularFile).findFirst())
                    .orElse(null);
        }
    }
}
