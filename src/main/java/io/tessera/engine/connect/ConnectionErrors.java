package io.tessera.engine.connect;

import io.tessera.engine.Reasons;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.kerberos.KerberosErrors;
import io.tessera.engine.security.tls.TlsDiagnosis;
import java.io.EOFException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.security.AccessControlException;
import org.apache.zookeeper.KeeperException;

/** Turns what a client library threw into one line an operator can act on, naming the endpoint. */
public final class ConnectionErrors {
    private ConnectionErrors() {}

    public static String describe(ServiceKind service, String endpoint, Throwable error) {
        String name = service.displayName();
        String kerberos = KerberosErrors.describe(error);
        if (kerberos != null) {
            return name + ": " + kerberos;
        }
        for (Throwable t : chain(error)) {
            var tls = TlsDiagnosis.explain(t, null);
            if (tls.isPresent()) {
                return name + ": " + tls.get();
            }
        }
        for (Throwable t : chain(error)) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof UnknownHostException) {
                return name + ": unknown host " + message.replaceFirst(":.*", "") + " (" + endpoint + ")";
            }
            if (t instanceof java.net.ConnectException || message.contains("Connection refused")) {
                return name + ": connection refused by " + endpoint + " (is the server running on that port?)";
            }
            if (t instanceof NoRouteToHostException) {
                return name + ": no route to " + endpoint;
            }
            if (t instanceof SSLException) {
                return name + ": TLS handshake with " + endpoint + " failed (" + Reasons.oneLine(t) + ")";
            }
            if (message.contains("WRONGPASS") || message.contains("invalid username-password")) {
                return name + ": the server rejected the user name or password";
            }
            if (message.contains("NOAUTH")) {
                return name + ": the server asks for a password and the profile has none";
            }
            if (t instanceof KeeperException.NoAuthException) {
                return name + ": access denied to " + ((KeeperException) t).getPath() + " (wrong or missing digest credentials)";
            }
            if (t instanceof KeeperException.ConnectionLossException) {
                return name + ": lost the connection to " + endpoint;
            }
            if (t instanceof AccessControlException || t instanceof RemoteException re && re.getClassName().endsWith("AccessControlException")) {
                return name + ": permission denied (" + Reasons.oneLine(t) + ")";
            }
            if (message.contains("RPC response") || message.contains("invalid length") || message.contains("Unexpected end of stream")
                    || t instanceof EOFException) {
                return name + ": " + endpoint + " closed the connection or answered in another protocol (wrong port, or TLS expected?)";
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return name + ": no answer from " + endpoint + " in time";
            }
        }
        return name + ": " + Reasons.oneLine(error);
    }

    /** The exception, its causes, and what they suppressed (Jedis hides the socket error there). */
    private static List<Throwable> chain(Throwable error) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = error; t != null && all.size() < 20; t = t.getCause()) {
            all.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                for (Throwable s = suppressed; s != null && all.size() < 20; s = s.getCause()) {
                    all.add(s);
                }
            }
        }
        return all;
    }
}
