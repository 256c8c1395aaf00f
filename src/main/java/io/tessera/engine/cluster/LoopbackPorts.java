package io.tessera.engine.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks free loopback ports and turns "port taken" into a readable reason before a server tries. */
final class LoopbackPorts {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LoopbackPorts() {}

    /** The fixed port when it is free, a free port when {@code requested} is 0. */
    static int claim(String service, int requested) throws ClusterStartException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, requested));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ClusterStartException(service + " cannot listen on port " + requested
                    + ": it is already in use by another program. Choose another port in the local cluster settings, or 0 for any free port.");
        }
    }
}
