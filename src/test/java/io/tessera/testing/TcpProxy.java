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
 * A TCP relay on a loopback port to one server, which a test can break in the two ways a network breaks:
 * <ul>
 *   <li>{@link #cut()}: the server looks down: open connections are closed and new ones closed as soon as they are
 *       accepted, so clients get errors at once; {@link #restore()} lets new connections through again;</li>
 *   <li>{@link #partition()}: silence: every byte is dropped both ways, on open connections and on new ones, so
 *       clients see no error until their own timeouts fire (how a ZooKeeper session really expires);
 *       {@link #heal()} resets the connections that lived through the partition, and later ones pass again.</li>
 * </ul>
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile boolean partitioned;

    /** Both ends of one relayed connection; {@code silent} once a partition began in its lifetime. */
    private static final class Link {
        final Socket client;
        volatile Socket server;
        volatile boolean silent;

        Link(Socket client) {
            this.client = client;
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private TcpProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("tcp-proxy-" + listener.getLocalPort()).start(this::accept);
    }

    public static TcpProxy to(String host, int port) throws IOException {
        return new TcpProxy(host, port);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Where clients connect: {@code 127.0.0.1:<port>}. */
    public String address() {
        return listener.getInetAddress().getHostAddress() + ":" + port();
    }

    /** Closes every open connection and refuses new ones until {@link #restore}. */
    public void cut() {
        down = true;
        links.forEach(this::end);
    }

    public void restore() {
        down = false;
    }

    /** Drops every byte both ways, silently, until {@link #heal}. */
    public void partition() {
        partitioned = true;
        links.forEach(link -> link.silent = true);
    }

    public void heal() {
        partitioned = false;
        links.stream().filter(link -> link.silent).forEach(this::end);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    closeQuietly(client);
                    continue;
                }
                Link link = new Link(client);
                link.silent = partitioned;
                links.add(link);
                Thread.ofVirtual().start(() -> relay(link));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Link link) {
        try {
            if (link.silent) {
                drain(link); // a connection opened during the partition never reaches the server
                return;
            }
            link.server = new Socket(host, port);
            Thread.ofVirtual().start(() -> pump(link.server, link.client, link));
            pump(link.client, link.server, link);
        } catch (IOException e) {
            end(link); // the server refused: the client sees its connection end
        }
    }

    private void pump(Socket from, Socket to, Link link) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!link.silent) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException ended) {
            // one side closed or reset: end the whole link below
        }
        end(link);
    }

    private void drain(Link link) throws IOException {
        InputStream in = link.client.getInputStream();
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // dropped
        }
        end(link);
    }

    private void end(Link link) {
        link.close();
        links.remove(link);
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
        links.forEach(this::end);
    }
}
