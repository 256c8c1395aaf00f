package io.tessera.engine.security.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import io.tessera.engine.OwnerOnlyFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority (EC P-256 keys, SHA-256 signatures) that issues server and client certificates: for
 * the secured local cluster, which makes its own once, and for tests of every TLS mismatch. Writes PEM (certificates;
 * key files with the chain and an unencrypted PKCS#8 key, owner-only) and PKCS#12.
 */
public final class CertificateAuthority {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private CertificateAuthority(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A key and its certificate chain (leaf first, then the authority). */
    public record Issued(PrivateKey key, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.getFirst();
        }
    }

    /** A self-signed authority named {@code CN=<commonName>}, valid for {@code validity}. */
    public static CertificateAuthority create(String commonName, Duration validity) {
        try {
            KeyPair keys = newKeys();
            X500Name name = new X500Name("CN=" + commonName);
            X509v3CertificateBuilder builder = builder(name, name, keys, validity);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(keys, sign(builder, keys.getPrivate()));
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("Cannot make a certificate authority: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A server certificate for these DNS names and IP addresses (the names a client's hostname check accepts). */
    public Issued issueServer(String commonName, List<String> dnsNames, List<String> ipAddresses, Duration validity) {
        return issue(commonName, dnsNames, ipAddresses, KeyPurposeId.id_kp_serverAuth, validity);
    }

    /** A client certificate, for mutual TLS. */
    public Issued issueClient(String commonName, Duration validity) {
        return issue(commonName, List.of(), List.of(), KeyPurposeId.id_kp_clientAuth, validity);
    }

    private Issued issue(String commonName, List<String> dnsNames, List<String> ipAddresses, KeyPurposeId purpose, Duration validity) {
        try {
            KeyPair leaf = newKeys();
            X509v3CertificateBuilder builder = builder(new X500Name(certificate.getSubjectX500Principal().getName()),
                    new X500Name("CN=" + commonName), leaf, validity);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            for (String ip : ipAddresses) {
                names.add(new GeneralName(GeneralName.iPAddress, ip));
            }
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new Issued(leaf.getPrivate(), List.of(sign(builder, keys.getPrivate()), certificate));
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("Cannot issue a certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    /** The authority's certificate as a PEM trust file. */
    public void writeCertificate(Path file) throws IOException {
        OwnerOnlyFiles.write(file, pem(List.of(certificate)).getBytes(StandardCharsets.US_ASCII));
    }

    /** The issued certificate alone (PEM), for servers that take certificate and key in separate files. */
    public static void writeCertificate(Issued issued, Path file) throws IOException {
        OwnerOnlyFiles.write(file, pem(List.of(issued.certificate())).getBytes(StandardCharsets.US_ASCII));
    }

    /** The private key alone (unencrypted PKCS#8 PEM), owner-only. */
    public static void writeKey(Issued issued, Path file) throws IOException {
        OwnerOnlyFiles.write(file, pem(List.of(new JcaPKCS8Generator(issued.key(), null))).getBytes(StandardCharsets.US_ASCII));
    }

    /** Chain and key in one PEM file: a client key store as Tessera and ZooKeeper read it. Owner-only. */
    public static void writeKeyStorePem(Issued issued, Path file) throws IOException {
        List<Object> items = new ArrayList<>(issued.chain());
        items.add(new JcaPKCS8Generator(issued.key(), null));
        OwnerOnlyFiles.write(file, pem(items).getBytes(StandardCharsets.US_ASCII));
    }

    /** Chain and key as a PKCS#12 key store under {@code password}. Owner-only. */
    public static void writePkcs12(Issued issued, char[] password, Path file) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", issued.key(), password, issued.chain().toArray(Certificate[]::new));
            var bytes = new java.io.ByteArrayOutputStream();
            store.store(bytes, password);
            OwnerOnlyFiles.write(file, bytes.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot write the key store " + file + ": " + e.getMessage(), e);
        }
    }

    private static String pem(List<?> items) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object item : items) {
                if (item instanceof JcaPKCS8Generator generator) {
                    writer.writeObject(generator.generate());
                } else {
                    writer.writeObject(item);
                }
            }
        }
        return text.toString();
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Duration validity) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
