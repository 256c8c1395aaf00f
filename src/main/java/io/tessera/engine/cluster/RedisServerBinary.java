package io.tessera.engine.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The redis-server executable: the static build shipped in the embedded-redis jar, unpacked once
 * beside the cluster's data, or the one named by {@code TESSERA_REDIS_SERVER}.
 */
public final class RedisServerBinary {
    private static final String VERSION = "7.0.15";

    private RedisServerBinary() {}

    public static Path locate(Path binDir) throws ClusterStartException {
        String override = System.getenv("TESSERA_REDIS_SERVER");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String resource = "/redis-server-" + VERSION + "-" + platform();
        Path target = binDir.resolve("redis-server-" + VERSION);
        try (InputStream in = RedisServerBinary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClusterStartException("No embedded Redis server for this platform (" + platform()
                        + "); install redis-server and set TESSERA_REDIS_SERVER to its path.");
            }
            byte[] bytes = in.readAllBytes();
            if (!Files.exists(target) || Files.size(target) != bytes.length) {
                Files.createDirectories(binDir);
                Path tmp = Files.createTempFile(binDir, "redis-server", ".tmp");
                Files.write(tmp, bytes);
                tmp.toFile().setExecutable(true, true);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new ClusterStartException("Cannot unpack the embedded Redis server into " + binDir + ": " + e.getMessage(), e);
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osPart = os.contains("mac") ? "darwin" : os.contains("linux") ? "linux" : os;
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386" -> "386";
            default -> arch;
        };
        return osPart + "-" + archPart;
    }
}
