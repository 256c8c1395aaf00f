package io.tessera.engine.connect;

import java.util.ArrayList;
import java.util.List;

/** One server of a ZooKeeper connect string: "host", "host:port" or "[IPv6 address]:port"; port 2181 when none is given. */
record ZooKeeperAddress(String host, int port) {
    static final int DEFAULT_PORT = 2181;

    /** Each server of a connect string as written, "host:port", without the chroot that rides on the last one. */
    static List<String> serversOf(String connectString) {
        List<String> servers = new ArrayList<>();
        for (String member : connectString.split(",")) {
            servers.add(member.strip().replaceFirst("/.*$", ""));
        }
        return servers;
    }

    /** @throws NumberFormatException when the port is not a number */
    static ZooKeeperAddress parse(String server) {
        if (server.startsWith("[")) {
            int end = server.indexOf(']');
            String host = server.substring(1, end < 0 ? server.length() : end);
            boolean hasPort = end >= 0 && server.startsWith(":", end + 1);
            return new ZooKeeperAddress(host, hasPort ? Integer.parseInt(server.substring(end + 2)) : DEFAULT_PORT);
        }
        int colon = server.indexOf(':');
        if (colon > 0 && colon == server.lastIndexOf(':')) {
            return new ZooKeeperAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)));
        }
        return new ZooKeeperAddress(server, DEFAULT_PORT); // a bare name, or an IPv6 address without brackets
    }
}
