package io.tessera.engine.kerberos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The keytab is the secret of a Kerberos profile: anyone who can read it can act as its principal. Refuses a missing or
 * unreadable one with a clear line, and says when others than its owner can read it (a warning, not a refusal: on a
 * shared service account the operator may have chosen group access on purpose).
 */
public final class KeytabFile {
    private KeytabFile() {}

    /** Fails with one line when the keytab cannot be used at all. */
    static void checkReadable(String keytab) throws IOException {
        Path path = Path.of(keytab);
        if (!Files.exists(path)) {
            throw new KerberosLoginException("the keytab " + keytab + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new KerberosLoginException("the keytab " + keytab + " is not a file");
        }
        if (!Files.isReadable(path)) {
            throw new KerberosLoginException("the keytab " + keytab + " cannot be read by this user (" + System.getProperty("user.name") + ")");
        }
    }

    /** Why the keytab is readable by others than its owner, or null when it is owner-only (or the OS has no POSIX modes). */
    public static String exposure(String keytab) {
        Path path = Path.of(keytab);
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return null;
        }
        try {
            Set<PosixFilePermission> modes = view.readAttributes().permissions();
            boolean group = modes.contains(PosixFilePermission.GROUP_READ);
            boolean others = modes.contains(PosixFilePermission.OTHERS_READ);
            if (!group && !others) {
                return null;
            }
            return "the keytab " + keytab + " is readable by " + (others ? "every user" : "its group")
                    + ": anyone who can read it can act as its principal (chmod 600 " + keytab + ")";
        } catch (IOException e) {
            return null;
        }
    }
}
