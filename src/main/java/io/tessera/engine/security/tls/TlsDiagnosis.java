package io.tessera.engine.security.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Finds out why a connection failed when the client library only saw a timeout, a closed connection or a TLS alert:
 * the server answers in plain text where TLS was expected, speaks only TLS where plain text was sent, refuses the
 * certificate, or wants a client certificate. Each check is one short connection of its own.
 */
public final class TlsDiagnosis {
    private TlsDiagnosis() {}

    /**
     * After a TLS connection failed. {@code plainGreeting}: a few bytes the service answers in plain text (Redis
     * {@code PING}, a ZooKeeper four-letter word), to tell a plain server from one that does not answer at all.
     */
    public static Optional<String> ofTlsFailure(String host, int port, TlsConfig config, byte[] plainGreeting, Duration timeout) {
        String address = host + ":" + port;
        if (answersInPlainText(host, port, plainGreeting, timeout)) {
            return Optional.of(address + " does not speak TLS (it answers in plain text): turn TLS off for it, or give its TLS port");
        }
        SSLContext context = TlsContexts.context(config);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setSSLParameters(TlsContexts.parameters(config));
            socket.startHandshake();
            // TLS 1.3 finishes the client's handshake before the server has looked at the client's certificate: its
            // refusal arrives as an alert right after, on the first read (nothing is written: a write could meet the
            // closed connection first and lose the alert)
            socket.setSoTimeout((int) Math.min(timeout.toMillis(), 1_000));
            socket.getInputStream().read();
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            return explain(e, config.hasClientCertificate()).or(() -> e instanceof SSLException
                    ? Optional.of("the TLS handshake with " + address + " failed: " + e.getMessage()) : Optional.empty());
        }
    }

    /** After a plain connection failed: whether the server at host:port speaks only TLS. */
    public static Optional<String> ofPlainFailure(String host, int port, Duration timeout) {
        return speaksTls(host, port, timeout)
                ? Optional.of(host + ":" + port + " speaks only TLS and the profile connects in plain text: turn TLS on in the profile")
                : Optional.empty();
    }

    /**
     * The reason in a TLS failure's chain, if it has one: a refused server certificate, or a TLS alert that says the
     * server wants (another) client certificate. {@code hasClientCertificate}: null when not known.
     */
    public static Optional<String> explain(Throwable error, Boolean hasClientCertificate) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UntrustedServerException || t instanceof TlsMismatchException || t instanceof TlsSetupException) {
                return Optional.of(t.getMessage());
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (!(t instanceof SSLException) && !message.contains("alert")) {
                continue;
            }
            if (message.contains("certificate_required") || Boolean.FALSE.equals(hasClientCertificate)
                    && (message.contains("handshake_failure") || message.contains("bad_certificate"))) {
                return Optional.of("the server wants a client certificate (mutual TLS) and the profile has no client key store");
            }
            for (String alert : new String[] {"bad_certificate", "unknown_ca", "certificate_unknown", "certificate_expired", "access_denied"}) {
                if (message.contains(alert)) {
                    return Optional.of("the server refused the profile's client certificate (TLS alert " + alert
                            + "): is it signed by an authority the server trusts, and still valid?");
                }
            }
            if (message.contains("Unsupported or unrecognized SSL message")) {
                return Optional.of("the server does not speak TLS on that port (it answered in plain text): turn TLS off for it, or give its TLS port");
            }
        }
        return Optional.empty();
    }

    /** Some bytes back that do not open a TLS record (0x15 alert, 0x16 handshake): a plain-text server. */
    static boolean answersInPlainText(String host, int port, byte[] greeting, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(greeting);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            return first >= 0 && first != 0x15 && first != 0x16;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the server answers a TLS hello with a certificate. Nothing is trusted: the handshake is refused as soon as it is seen. */
    static boolean speaksTls(String host, int port, Duration timeout) {
        AtomicBoolean certificateSeen = new AtomicBoolean();
        X509TrustManager refuseAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                certificateSeen.set(true);
                throw new CertificateException("only looking whether the port speaks TLS");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {refuseAll}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                socket.startHandshake();
            }
        } catch (IOException | GeneralSecurityException expected) {
            // refused by refuseAll (the port speaks TLS) or by the server
        }
        return certificateSeen.get();
    }
}
