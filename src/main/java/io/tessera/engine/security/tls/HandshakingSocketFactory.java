package io.tessera.engine.security.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Layers TLS over a client's connected socket and completes the handshake at once, with the connection's parameters
 * (the hostname check) set first. A client that lets the handshake happen on its first write (Jedis) otherwise waits
 * out its read timeout twice before it reports a server that does not answer TLS.
 */
public final class HandshakingSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final SSLParameters parameters;

    public HandshakingSocketFactory(TlsConfig config) {
        this.delegate = TlsContexts.context(config).getSocketFactory();
        this.parameters = TlsContexts.parameters(config);
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return handshake(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return handshake(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return handshake(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return handshake(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return handshake(delegate.createSocket(address, port, localAddress, localPort));
    }

    private Socket handshake(Socket socket) throws IOException {
        SSLSocket ssl = (SSLSocket) socket;
        try {
            ssl.setSSLParameters(parameters);
            ssl.startHandshake();
            return ssl;
        } catch (IOException | RuntimeException e) {
            ssl.close();
            throw e;
        }
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
