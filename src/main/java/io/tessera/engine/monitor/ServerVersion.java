package io.tessera.engine.monitor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Redis server's version, from the {@code redis_version} line of INFO server. */
public record ServerVersion(int major, int minor, int patch) {
    private static final Pattern LINE = Pattern.compile("(?m)^redis_version:(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public static ServerVersion parseInfo(String info) {
        Matcher m = LINE.matcher(info == null ? "" : info);
        if (!m.find()) {
            throw new IllegalArgumentException("INFO server names no redis_version");
        }
        return new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** SSUBSCRIBE, SPUBLISH and PUBSUB SHARDCHANNELS came with Redis 7.0. */
    public boolean hasShardedPubSub() {
        return major >= 7;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
