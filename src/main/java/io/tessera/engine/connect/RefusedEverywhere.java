package io.tessera.engine.connect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
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

    /** @return a refusal when every server refused or is unknown, else empty */
    static Optional<IOException> check(List<String> servers, Duration timeout) {
        Duration cap = timeout.compareTo(CAP) < 0 ? timeout : CAP;
        ExecutorService looking = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<IOException> looks = new ExecutorCompletionService<>(looking);
            servers.forEach(server -> looks.submit(() -> refusal(server, cap)));
            long deadline = System.nanoTime() + cap.plusMillis(500).toNanos();
            IOException refused = null;
            for (int answered = 0; answered < servers.size(); answered++) {
                Future<IOException> look = looks.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                IOException refusal = look == null ? null : look.get();
                if (refusal == null) {
                    return Optional.empty(); // a server accepted, or gave no clear answer in time
                }
                refused = refused == null ? refusal : refused;
            }
            return Optional.ofNullable(refused);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty(); // the look itself failed: no verdict
        } finally {
            looking.shutdownNow(); // the looks still under way (a silent server's waits out the cap) are not awaited
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
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int) cap.toMillis());
            return null;
        } catch (UnknownHostException e) {
            return e;
        } catch (ConnectException e) {
            return new ConnectException("Connection refused by " + server);
        } catch (IOException e) {
            return null; // timed out, unreachable network and the like: the client library decides
        }
    }
}
