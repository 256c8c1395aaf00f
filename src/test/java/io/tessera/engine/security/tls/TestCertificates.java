package io.tessera.engine.security.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The certificates of the TLS tests, made once into a folder: a CA and a server certificate it signs (names 127.0.0.1
 * and localhost), a server certificate with a wrong name, another CA nobody trusts, and client certificates of each.
 */
public record TestCertificates(Path dir) {
    public static final String CA_NAME = "Tessera Test CA";
    public static final String OTHER_CA_NAME = "Somebody Else's CA";
    public static final char[] P12_PASSWORD = "p12-secret".toCharArray();

    public static TestCertificates make(Path dir) throws IOException {
        Duration year = Duration.ofDays(365);
        CertificateAuthority ca = CertificateAuthority.create(CA_NAME, year);
        CertificateAuthority other = CertificateAuthority.create(OTHER_CA_NAME, year);
        ca.writeCertificate(dir.resolve("ca.pem"));
        other.writeCertificate(dir.resolve("other-ca.pem"));
        write(ca.issueServer("tessera-test-server", List.of("localhost"), List.of("127.0.0.1"), year), dir, "server");
        write(ca.issueServer("wrong-name", List.of("wrong.example"), List.of("10.9.8.7"), year), dir, "wrong-name");
        write(other.issueServer("untrusted", List.of("localhost"), List.of("127.0.0.1"), year), dir, "untrusted");
        CertificateAuthority.Issued client = ca.issueClient("tessera-test-client", year);
        CertificateAuthority.writeKeyStorePem(client, dir.resolve("client.pem"));
        CertificateAuthority.writePkcs12(client, P12_PASSWORD, dir.resolve("client.p12"));
        CertificateAuthority.writeKeyStorePem(other.issueClient("stranger", year), dir.resolve("stranger.pem"));
        return new TestCertificates(dir);
    }

    private static void write(CertificateAuthority.Issued issued, Path dir, String name) throws IOException {
        CertificateAuthority.writeCertificate(issued, dir.resolve(name + ".crt"));
        CertificateAuthority.writeKey(issued, dir.resolve(name + ".key"));
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path otherCa() {
        return dir.resolve("other-ca.pem");
    }

    public Path certificate(String server) {
        return dir.resolve(server + ".crt");
    }

    public Path key(String server) {
        return dir.resolve(server + ".key");
    }

    public Path clientPem() {
        return dir.resolve("client.pem");
    }

    public Path clientP12() {
        return dir.resolve("client.p12");
    }

    public Path strangerPem() {
        return dir.resolve("stranger.pem");
    }
}
