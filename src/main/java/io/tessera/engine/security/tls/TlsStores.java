package io.tessera.engine.security.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads trust files and client key stores. Accepted: PEM (a trust file of one or more CA certificates, .pem/.crt; a
 * key store holding the certificate chain and the private key, PKCS#8 or PKCS#1/SEC1, encrypted or not), PKCS#12
 * (.p12/.pfx) and JKS. The format is told from the file's first bytes, not its name.
 */
public final class TlsStores {
    /** A store's format, spelled as ZooKeeper's {@code zookeeper.ssl.*.type} settings want it. */
    public enum Format { PEM, PKCS12, JKS }

    private static final String KEY_ALIAS = "client";

    private TlsStores() {}

    public static Format format(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException("The TLS file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new TlsSetupException("Cannot read the TLS file " + file + ": " + e.getMessage(), e);
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xed && (head[2] & 0xff) == 0xfe && (head[3] & 0xff) == 0xed) {
            return Format.JKS;
        }
        return new String(head, StandardCharsets.US_ASCII).strip().startsWith("-----BEGIN") ? Format.PEM : Format.PKCS12;
    }

    /** The certificates a connection trusts, as a key store for a {@code TrustManagerFactory}. */
    public static KeyStore trustStore(Path file, char[] password) {
        if (format(file) != Format.PEM) {
            KeyStore store = load(file, password, "trust file");
            return store;
        }
        List<X509Certificate> certificates = pem(file, null).certificates();
        if (certificates.isEmpty()) {
            throw new TlsSetupException("The trust file " + file + " holds no certificate");
        }
        try {
            KeyStore store = emptyStore();
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            return store;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("Cannot use the trust file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The client's certificate chain and private key, as a key store whose key opens with {@code password} (or an empty one). */
    public static KeyStore keyStore(Path file, char[] password) {
        if (format(file) != Format.PEM) {
            KeyStore store = load(file, password, "client key store");
            try {
                if (Collections.list(store.aliases()).stream().noneMatch(a -> isKey(store, a))) {
                    throw new TlsSetupException("The client key store " + file + " holds no private key");
                }
            } catch (GeneralSecurityException e) {
                throw new TlsSetupException("Cannot read the client key store " + file + ": " + e.getMessage(), e);
            }
            return store;
        }
        PemContent content = pem(file, password);
        if (content.key() == null || content.certificates().isEmpty()) {
            throw new TlsSetupException("The client key file " + file + " must hold both the certificate and its private key (PEM)");
        }
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry(KEY_ALIAS, content.key(), keyPassword(password), content.certificates().toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("Cannot use the client key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The password a key store's key opens with: PEM stores made here use the given one or an empty one. */
    public static char[] keyPassword(char[] password) {
        return password == null ? new char[0] : password;
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    private static KeyStore load(Path file, char[] password, String what) {
        try {
            return KeyStore.getInstance(file.toFile(), password == null ? new char[0] : password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new TlsSetupException("Cannot open the " + what + " " + file + ": wrong or missing password", e);
            }
            throw new TlsSetupException("Cannot read the " + what + " " + file + " (PEM, PKCS#12 or JKS expected): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("Cannot read the " + what + " " + file + " (PEM, PKCS#12 or JKS expected): " + e.getMessage(), e);
        }
    }

    private record PemContent(List<X509Certificate> certificates, PrivateKey key) {}

    private static PemContent pem(Path file, char[] password) {
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                switch (item) {
                    case X509CertificateHolder holder -> certificates.add(certs.getCertificate(holder));
                    case PrivateKeyInfo info -> key = keys.getPrivateKey(info);
                    case PEMKeyPair pair -> key = keys.getKeyPair(pair).getPrivate();
                    case PKCS8EncryptedPrivateKeyInfo encrypted -> key = keys.getPrivateKey(
                            encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().build(needPassword(file, password))));
                    case PEMEncryptedKeyPair encrypted -> key = keys.getKeyPair(
                            encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().build(needPassword(file, password)))).getPrivate();
                    default -> { } // parameters and other blocks a key file may carry
                }
            }
        } catch (TlsSetupException e) {
            throw e;
        } catch (Exception e) {
            throw new TlsSetupException("Cannot read the PEM file " + file + ": " + e.getMessage()
                    + (String.valueOf(e.getMessage()).contains("decrypt") ? " (wrong password?)" : ""), e);
        }
        return new PemContent(certificates, key);
    }

    private static char[] needPassword(Path file, char[] password) {
        if (password == null || password.length == 0) {
            throw new TlsSetupException("The private key in " + file + " is encrypted and the profile gives no password for it");
        }
        return password;
    }
}
