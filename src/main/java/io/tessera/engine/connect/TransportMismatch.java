package io.tessera.engine.connect;

import io.tessera.engine.security.tls.TlsDiagnosis;
import io.tessera.engine.security.tls.TlsMismatchException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.HostAndPort;

/**
 * A probe's failed connection, looked at again for a TLS mismatch (plain against TLS, TLS against plain, a refused
 * or missing client certificate) before it is reported: the client library alone would say "no answer" or "end of stream".
 */
final class TransportMismatch {
    private static final byte[] REDIS_GREETING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Five bytes: a TLS server waits for a whole record header (five bytes) before it refuses what it got. */
    private static final byte[] ZOOKEEPER_GREETING = "srvr\n".getBytes(StandardCharsets.US_ASCII);

    private TransportMismatch() {}

    static Exception redis(ConnectionTarget target, HostAndPort address, Exception error, Duration timeout) {
        if (!worthALook(error)) {
            return error;
        }
        var tls = target.redisTlsSettings();
        Optional<String> reason = TlsDiagnosis.explain(error, target.redisTls() ? tls.hasClientCertificate() : null);
        if (reason.isEmpty()) {
            Duration check = timeout.dividedBy(2);
            reason = target.redisTls()
                    ? TlsDiagnosis.ofTlsFailure(address.getHost(), address.getPort(), tls, REDIS_GREETING, check)
                    : TlsDiagnosis.ofPlainFailure(address.getHost(), address.getPort(), check);
        }
        return reason.<Exception>map(r -> new TlsMismatchException(r, error)).orElse(error);
    }

    /** ZooKeeper never connected: what the first server of the connect string says to a direct look. */
    static Exception zooKeeper(ConnectionTarget target, Exception error, Duration timeout) {
        ZooKeeperAddress first = ZooKeeperAddress.parse(ZooKeeperAddress.serversOf(target.zooKeeperConnect()).getFirst());
        String host = first.host();
        int port = first.port();
        Duration check = timeout.dividedBy(2);
        Optional<String> reason = target.zooKeeperTlsOn()
                ? TlsDiagnosis.ofTlsFailure(host, port, target.zooKeeperTls(), ZOOKEEPER_GREETING, check)
                : TlsDiagnosis.ofPlainFailure(host, port, check);
        return reason.<Exception>map(r -> new TlsMismatchException(r, error)).orElse(error);
    }

    /** Refused connections and unknown hosts say enough already. */
    private static boolean worthALook(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof UnknownHostException) {
                return false;
            }
        }
        return true;
    }
}
