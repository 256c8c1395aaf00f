package io.tessera.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a loopback port to one server, which a test can cut off as a network partition would:
 * {@link #partition()} silently drops every byte both ways, on open connections and on new ones (the client
 * sees no error, only silence, until its own timeouts fire); {@link #heal()} resets the connections that lived
 * through the partition, and later ones pass again. Used to make a ZooKeeper client miss its session.
 */
public final class PartitionableProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean partitioned;

    /** Both ends of one relayed connection; {@code cut} once a partition began in its lifetime. */
    private static final class Link {
        final Socket client;
        volatile Socket server;
        volatile boolean cut;

        Link(Socket client) {
            this.client = client;
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private PartitionableProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("proxy-accept-" + port).start(this::accept);
    }

    public static PartitionableProxy to(String host, int port) throws IOException {
        return new PartitionableProxy(host, port);
    }

    /** Where clients connect: {@code 127.0.0.1:<port>}. */
    public String address() {
        return listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
    }

    public void partition() {
        partitioned = true;
        links.forEach(link -> link.cut = true);
    }

    public void heal() {
        partitioned = false;
        for (Link link : links) {
            if (link.cut) {
                link.close();
                links.remove(link);
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Link link = new Link(listener.accept());
                links.add(link);
                link.cut = partitioned;
                Thread.ofVirtual().start(() -> relay(link));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Link link) {
        try {
            if (link.cut) {
                drain(link.client.getInputStream(), link); // a connection opened during the partition never reaches the server
                return;
            }
            link.server = new Socket(host, port);
            Thread.ofVirtual().start(() -> pump(link.server, link.client, link));
            pump(link.client, link.server, link);
        } catch (IOException e) {
            link.close();
        }
    }

    private void pump(Socket from, Socket to, Link link) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!link.cut) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException ended) {
            // one side closed or reset: end the whole link below
        }
        link.close();
        links.remove(link);
    }

    private static void drain(InputStream in, Link link) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // dropped
        }
        link.close();
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        links.forEach(Link::close);
    }
}
