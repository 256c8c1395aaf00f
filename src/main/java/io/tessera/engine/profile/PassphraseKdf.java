package io.tessera.engine.profile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns an operator's passphrase into the keystore's password: PBKDF2-HMAC-SHA256, 600,000 iterations (OWASP's
 * figure for it), a random 16-byte salt per store. The JDK's PKCS#12 already encrypts with PBES2/AES-256, but with
 * 10,000 iterations (the {@code keystore.pkcs12.*} defaults): ample for a random key, too few for a human passphrase,
 * and raising them is a JVM-wide security property that would slow every other PKCS#12 file too. So the slow step is
 * done once, here, at unlock, and the PKCS#12 file is opened with the 256-bit result.
 */
final class PassphraseKdf {
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;
    private static final int KEY_BITS = 256;

    private PassphraseKdf() {}

    static byte[] newSalt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    /** The keystore password for a passphrase (Base64 of the derived key); the caller zeroes both arrays when done. */
    static char[] derive(char[] passphrase, KeystoreProtection protection) throws GeneralSecurityException {
        // PBKDF2 in the JDK takes chars but hashes only their low byte: feed it the passphrase's UTF-8 bytes as chars.
        char[] utf8Chars = utf8AsChars(passphrase);
        PBEKeySpec spec = new PBEKeySpec(utf8Chars, protection.saltBytes(), protection.iterations(), KEY_BITS);
        byte[] key = null;
        try {
            key = SecretKeyFactory.getInstance(protection.kdf()).generateSecret(spec).getEncoded();
            byte[] encoded = Base64.getEncoder().encode(key);
            char[] password = new char[encoded.length];
            for (int i = 0; i < encoded.length; i++) {
                password[i] = (char) encoded[i];
            }
            Arrays.fill(encoded, (byte) 0);
            return password;
        } finally {
            spec.clearPassword();
            Arrays.fill(utf8Chars, '\0');
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static char[] utf8AsChars(char[] text) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        char[] chars = new char[bytes.remaining()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (bytes.get(i) & 0xff);
        }
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        return chars;
    }
}
