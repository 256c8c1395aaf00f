package io.tessera.engine.connect;

import io.tessera.engine.health.ZooKeeperMember;
import io.tessera.engine.health.ZooKeeperFigures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.tessera.engine.security.tls.TlsConfig;
import io.tessera.engine.security.tls.TlsContexts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.apache.zookeeper.client.FourLetterWordMain;

/**
 * Asks every server of a connect string for its own figures with the {@code mntr} four-letter word (falling back to
 * {@code srvr}, which older or stricter servers allow alone), all at once, each within the timeout. A server that is
 * down or refuses the words is reported with the reason, not left out.
 */
final class ZooKeeperMembers {
    private ZooKeeperMembers() {}

    static ZooKeeperFigures read(String connectString, Duration timeout) {
        return read(connectString, null, timeout);
    }

    /** {@code tls}: the connection's TLS files when the connect string names secure client ports, else null. */
    static ZooKeeperFigures read(String connectString, TlsConfig tls, Duration timeout) {
        List<String> addresses = ZooKeeperAddress.serversOf(connectString);
        try (ExecutorService asking = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ZooKeeperMember>> answers = addresses.stream().map(a -> asking.submit(() -> ask(a, tls, timeout))).toList();
            List<ZooKeeperMember> members = new ArrayList<>();
            for (int i = 0; i < addresses.size(); i++) {
                members.add(await(answers.get(i), addresses.get(i), timeout));
            }
            return new ZooKeeperFigures(members);
        }
    }

    private static ZooKeeperMember await(Future<ZooKeeperMember> answer, String address, Duration timeout) {
        try {
            return answer.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return ZooKeeperMember.unanswered(address, "not asked (interrupted)");
        } catch (Exception e) {
            answer.cancel(true);
            return ZooKeeperMember.unanswered(address, "no answer within " + timeout.toMillis() / 1000.0 + " s");
        }
    }

    static ZooKeeperMember ask(String address, Duration timeout) {
        return ask(address, null, timeout);
    }

    static ZooKeeperMember ask(String address, TlsConfig tls, Duration timeout) {
        ZooKeeperAddress server = ZooKeeperAddress.parse(address);
        String host = server.host();
        int port = server.port();
        try {
            String mntr = send(host, port, "mntr", tls, timeout);
            ZooKeeperMember fromMntr = refused(mntr) ? null : fromMntr(address, mntr);
            if (fromMntr != null && (!fromMntr.answered() || fromMntr.averageLatencyMillis() >= 0 && fromMntr.znodes() >= 0)) {
                return fromMntr;
            }
            // mntr refused, or without the server's figures (its metrics provider reports none): srvr has them
            String srvr = send(host, port, "srvr", tls, timeout);
            if (!refused(srvr)) {
                return fromMntr == null ? fromSrvr(address, srvr) : fromMntr.orElse(fromSrvr(address, srvr));
            }
            if (fromMntr != null) {
                return fromMntr;
            }
            return ZooKeeperMember.unanswered(address, "answers, but its four-letter words mntr and srvr are not allowed "
                    + "(4lw.commands.whitelist): no figures");
        } catch (java.net.ConnectException e) {
            return ZooKeeperMember.unanswered(address, "down: connection refused");
        } catch (java.net.SocketTimeoutException e) {
            return ZooKeeperMember.unanswered(address, "no answer within " + timeout.toMillis() / 1000.0 + " s");
        } catch (Exception e) {
            return ZooKeeperMember.unanswered(address, "no answer: " + io.tessera.engine.Reasons.oneLine(e));
        }
    }

    /** One four-letter word; over TLS with the connection's own settings (ZooKeeper's helper would read System properties). */
    private static String send(String host, int port, String word, TlsConfig tls, Duration timeout) throws Exception {
        if (tls == null) {
            return FourLetterWordMain.send4LetterWord(host, port, word, false, (int) timeout.toMillis());
        }
        try (SSLSocket socket = (SSLSocket) TlsContexts.context(tls).getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setSSLParameters(TlsContexts.parameters(tls));
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean refused(String answer) {
        return answer.contains("not in the whitelist") || answer.contains("not executed") || answer.isBlank();
    }

    /** {@code mntr}: one "key<TAB>value" per line. A server that is not serving (no quorum) says so instead. */
    static ZooKeeperMember fromMntr(String address, String answer) {
        if (answer.contains("not currently serving requests")) {
            return ZooKeeperMember.unanswered(address, "up, but not serving requests (no quorum)");
        }
        Map<String, String> values = new HashMap<>();
        for (String line : answer.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                values.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
            }
        }
        return new ZooKeeperMember(address, values.get("zk_server_state"), null, version(values.get("zk_version")),
                number(values.get("zk_avg_latency")), (long) number(values.get("zk_max_latency")),
                (long) number(values.get("zk_outstanding_requests")), (long) number(values.get("zk_znode_count")),
                (long) number(values.get("zk_watch_count")), (long) number(values.get("zk_num_alive_connections")));
    }

    /** {@code srvr}: "Key: value" lines, without watch counts. */
    static ZooKeeperMember fromSrvr(String address, String answer) {
        if (answer.contains("not currently serving requests")) {
            return ZooKeeperMember.unanswered(address, "up, but not serving requests (no quorum)");
        }
        Map<String, String> values = new HashMap<>();
        for (String line : answer.split("\n")) {
            int sep = line.indexOf(':');
            if (sep > 0) {
                values.put(line.substring(0, sep).strip(), line.substring(sep + 1).strip());
            }
        }
        String[] latency = values.getOrDefault("Latency min/avg/max", "-1/-1/-1").split("/");
        return new ZooKeeperMember(address, values.get("Mode"), null, version(values.get("Zookeeper version")),
                number(latency.length > 1 ? latency[1] : null), (long) number(latency.length > 2 ? latency[2] : null),
                (long) number(values.get("Outstanding")), (long) number(values.get("Node count")), -1,
                (long) number(values.get("Connections")));
    }

    private static String version(String full) {
        return full == null ? null : full.replaceFirst("[-,].*", "").strip();
    }

    private static double number(String text) {
        try {
            return text == null ? -1 : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
