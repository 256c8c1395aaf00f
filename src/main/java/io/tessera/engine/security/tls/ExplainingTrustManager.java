package io.tessera.engine.security.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's trust manager, with a refusal the operator can act on: it checks the chain first (an unknown issuer is
 * named) and the server's name second (the host and the names the certificate holds are given), where the JDK says
 * "PKIX path building failed" or "No subject alternative names matching IP address … found".
 */
final class ExplainingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final String trusted;

    ExplainingTrustManager(X509ExtendedTrustManager delegate, String trusted) {
        this.delegate = delegate;
        this.trusted = trusted;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkChain(chain, authType);
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw nameMismatch(chain, socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null
                    ? ssl.getHandshakeSession().getPeerHost() : null, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkChain(chain, authType);
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw nameMismatch(chain, engine == null ? null : engine.getPeerHost(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkChain(chain, authType);
    }

    /** The chain alone (the two-argument form checks no name). */
    private void checkChain(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            X509Certificate leaf = chain[0];
            X509Certificate top = chain[chain.length - 1];
            String problem = expiry(e);
            throw new UntrustedServerException(problem != null
                    ? "the server's certificate (" + leaf.getSubjectX500Principal().getName() + ") " + problem
                    : "the server's certificate (" + leaf.getSubjectX500Principal().getName() + ") is not trusted: it is signed by "
                            + top.getIssuerX500Principal().getName() + ", which " + trusted + " does not hold", e);
        }
    }

    private static String expiry(CertificateException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateExpiredException) {
                return "has expired (" + t.getMessage() + ")";
            }
            if (t instanceof java.security.cert.CertificateNotYetValidException) {
                return "is not valid yet (" + t.getMessage() + ")";
            }
        }
        return null;
    }

    private static UntrustedServerException nameMismatch(X509Certificate[] chain, String host, CertificateException e) {
        return new UntrustedServerException("the server's certificate does not name " + (host == null ? "the host connected to" : host)
                + " (it names " + names(chain[0]) + "); connect by one of those names, or turn the hostname check off in the profile", e);
    }

    /** "DNS:localhost, IP:127.0.0.1", or the subject when the certificate has no alternative names. */
    static String names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    int type = (Integer) name.get(0);
                    names.add((type == 2 ? "DNS:" : type == 7 ? "IP:" : type + ":") + name.get(1));
                }
            }
        } catch (CertificateParsingException ignored) {
            // fall back to the subject
        }
        return names.isEmpty() ? "only " + certificate.getSubjectX500Principal().getName() : String.join(", ", names);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
