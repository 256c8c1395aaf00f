package io.tessera.engine.cluster;

import io.tessera.engine.security.tls.CertificateAuthority;
import io.tessera.engine.security.tls.TlsConfig;
import io.tessera.engine.security.tls.TlsStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The secured local cluster's certificates, made once into {@code <data>/tls/} (owner-only files) and reused: a CA of
 * this machine's own, the servers' certificate (names 127.0.0.1 and localhost) for Redis and ZooKeeper, and the client
 * certificate every local Tessera connection shows (both servers require one). Made anew when one is missing or the
 * server certificate has less than 30 days left.
 */
public record LocalCertificates(Path dir) {
    private static final Duration VALIDITY = Duration.ofDays(2 * 365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    public static Path dirIn(Path dataDir) {
        return dataDir.resolve("tls");
    }

    /** The certificates in {@code dir}, made first if needed. */
    public static LocalCertificates ensure(Path dir) throws IOException {
        LocalCertificates certificates = new LocalCertificates(dir);
        if (!certificates.usable()) {
            certificates.make();
        }
        return certificates;
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path serverCertificate() {
        return dir.resolve("server.crt");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** Certificate and key in one PEM file: ZooKeeper's server key store. */
    public Path serverKeyStore() {
        return dir.resolve("server-keystore.pem");
    }

    /** The client's certificate chain and key (PEM): what local connections show. */
    public Path clientKeyStore() {
        return dir.resolve("client.pem");
    }

    /** What a local connection uses: this CA, this client certificate, names checked. */
    public TlsConfig clientConfig() {
        return new TlsConfig(ca(), null, clientKeyStore(), null, true);
    }

    private boolean usable() {
        for (Path file : List.of(ca(), serverCertificate(), serverKey(), serverKeyStore(), clientKeyStore())) {
            if (!Files.isRegularFile(file)) {
                return false;
            }
        }
        try {
            X509Certificate server = (X509Certificate) TlsStores.trustStore(serverCertificate(), null).getCertificate("ca-0");
            return server != null && server.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
        } catch (Exception unreadable) {
            return false;
        }
    }

    private void make() throws IOException {
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        CertificateAuthority ca = CertificateAuthority.create("Tessera local cluster CA", VALIDITY);
        CertificateAuthority.Issued server = ca.issueServer("tessera-local", List.of("localhost"),
                List.of(LoopbackPorts.LOOPBACK.getHostAddress()), VALIDITY);
        CertificateAuthority.Issued client = ca.issueClient("tessera-local-client", VALIDITY);
        // the CA's key is not kept: nothing else is ever signed with it
        ca.writeCertificate(ca());
        CertificateAuthority.writeCertificate(server, serverCertificate());
        CertificateAuthority.writeKey(server, serverKey());
        CertificateAuthority.writeKeyStorePem(server, serverKeyStore());
        CertificateAuthority.writeKeyStorePem(client, clientKeyStore());
    }
}
