package io.tessera.engine.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/** A real redis-server of a test's own (the embedded one, with its password file) that the test stops and starts again on the same port. */
public final class StoppableRedis implements AutoCloseable {
    private final Path dir;
    private EmbeddedRedis redis;
    private String uri;

    public StoppableRedis(Path dir) {
        this.dir = dir;
    }

    public synchronized String start() throws Exception {
        int port = uri == null ? 0 : Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
        redis = new EmbeddedRedis(dir.resolve("redis"), port);
        uri = redis.start();
        return uri;
    }

    public synchronized void stop() {
        redis.close();
    }

    public String uri() {
        return uri;
    }

    public String password() throws Exception {
        return Files.readString(EmbeddedRedis.passwordFile(dir.resolve("redis"))).strip();
    }

    @Override
    public synchronized void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
