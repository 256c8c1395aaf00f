package io.tessera.engine.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script from the class path, run by its SHA-1. A server that does not know it (first call, or
 * after a restart) gets the source once. Shared code (e.g. {@code events/emit.lua}) is prepended, so
 * one script body is one atomic unit with its helpers.
 */
public final class LuaScript {
    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /** Loads {@code resources} (absolute class-path names) and joins them in order into one script. */
    public static LuaScript load(String... resources) {
        StringBuilder source = new StringBuilder();
        for (String resource : resources) {
            try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing script " + resource);
                }
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new LuaScript(resources[resources.length - 1], source.toString());
    }

    public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException unknown) {
            return redis.eval(source, keys, args);
        }
    }

    /**
     * Runs a script that writes nothing with EVALSHA_RO (EVAL_RO the first time): a Redis user with read-only access
     * to its keys may run it (a plain EVAL needs write access to every key it is given). Before Redis 7 (no EVALSHA_RO)
     * it runs as any script: such a server has no read-only key rights either.
     */
    public Object runReadOnly(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalshaReadonly(sha, keys, args);
        } catch (JedisNoScriptException unknown) {
            return redis.evalReadonly(source, keys, args);
        } catch (JedisDataException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("ERR unknown command")) {
                return run(redis, keys, args);
            }
            throw e;
        }
    }

    /**
     * Queues the script in a pipeline by SHA. A NOSCRIPT answer shows when the response is read: the caller
     * then {@link #ensureLoaded}s and runs the (idempotent) batch again.
     */
    public Response<Object> queue(AbstractPipeline pipeline, List<String> keys, List<String> args) {
        return pipeline.evalsha(sha, keys, args);
    }

    public void ensureLoaded(UnifiedJedis redis) {
        redis.scriptLoad(source);
    }

    @Override
    public String toString() {
        return "LuaScript[" + name + ", " + sha + "]";
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
