package io.tessera.engine.connect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A quick look at every server of a connect string before a client library is started on it. ZooKeeper's client keeps
 * trying a port that refuses connections until its whole timeout has passed; when every server refuses (or its name
 * does not resolve) the answer is already certain, so the probe says so at once instead of "no answer" seconds later.
 * A server that accepts, or does not answer within the look's short cap, leaves the verdict to the client library.
 */
final class RefusedEverywhere {
    /** Long enough for a refusal from across a WAN; a silent server is the client library's to wait for. */
    private static final Duration CAP = Duration.ofMillis(800);

    private RefusedEverywhere() {}

    /** @return the first server's refusal when every server refused or is unknown, else empty */
    static Optional<IOException> check(List<String> servers, Duration timeout) {
        Duration cap = timeout.compareTo(CAP) < 0 ? timeout : CAP;
        try (ExecutorService looking = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<IOException>> looks = servers.stream().map(a -> looking.submit(() -> refusal(a, cap))).toList();
            IOException first = null;
            for (Future<IOException> look : looks) {
                IOException refused = look.get(cap.toMillis() + 500, TimeUnit.MILLISECONDS);
                if (refused == null) {
                    return Optional.empty();
                }
                first = first == null ? refused : first;
            }
            return Optional.ofNullable(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // the look itself failed or took too long: no verdict
        }
    }

    /** The refusal of one "host:port", or null when it accepted or gave no clear answer. */
    private static IOException refusal(String server, Duration cap) {
        ZooKeeperAddress address;
        try {
            address = ZooKeeperAddress.parse(server);
        } catch (NumberFormatException e) {
            return null; // the client library reports a malformed address in its own words
        }
        String host = address.host();
        int port = address.port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) cap.toMillis());
            return null;
        } catch (UnknownHostException e) {
            return e;
        } catch (ConnectException e) {
            return new ConnectException("Connection refused by " + host + ":" + port);
        } catch (IOException e) {
            return null; // timed out, unreachable network and the like: the client library decides
        }
    }
}
