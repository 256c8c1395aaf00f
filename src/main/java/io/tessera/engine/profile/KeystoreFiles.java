package io.tessera.engine.profile;

import io.tessera.engine.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The keystore and the file that says how it is protected change together, or not at all. A switch writes both
 * beside the old ones ({@code .new}), then renames the keystore (the commit) and then its protection file. Whatever
 * a crash leaves is sorted out at the next open ({@link #recover}): a new keystore still beside the old one was not
 * committed and goes; a new protection file alone belongs to the keystore already in place and is renamed.
 */
final class KeystoreFiles {
    /** A rename; tests make one fail to play a crash between the two. */
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    private final Path store;
    private final Path storeNew;
    private final Path protection;
    private final Path protectionNew;
    private Mover mover = (from, to) -> Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    KeystoreFiles(Path store) {
        this.store = store;
        this.storeNew = sibling(store, ".new");
        this.protection = KeystoreProtection.fileFor(store);
        this.protectionNew = sibling(protection, ".new");
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    void moveWith(Mover replacement) {
        this.mover = replacement;
    }

    Path store() {
        return store;
    }

    boolean storeExists() {
        return Files.exists(store);
    }

    byte[] readStore() throws IOException {
        return Files.readAllBytes(store);
    }

    /** The recorded protection; empty for a store made before the record existed (or no store yet). */
    Optional<KeystoreProtection> protection() throws IOException {
        return Files.exists(protection) ? Optional.of(KeystoreProtection.read(protection)) : Optional.empty();
    }

    void writeProtection(KeystoreProtection record) throws IOException {
        record.write(protection);
    }

    /** Keystore content under an unchanged protection (a secret added or removed): one atomic rename. */
    void writeStore(byte[] content) throws IOException {
        OwnerOnlyFiles.write(store, content);
    }

    /** Finishes or forgets a switch a crash interrupted; see the class comment. */
    void recover() throws IOException {
        if (Files.exists(storeNew)) {
            Files.delete(storeNew);
            Files.deleteIfExists(protectionNew);
        } else if (Files.exists(protectionNew)) {
            mover.move(protectionNew, protection);
        }
    }

    /** Replaces keystore and protection together: new files first, then the keystore's rename commits. */
    void replace(byte[] content, KeystoreProtection record) throws IOException {
        OwnerOnlyFiles.write(storeNew, content);
        record.write(protectionNew);
        mover.move(storeNew, store);
        mover.move(protectionNew, protection);
    }
}
