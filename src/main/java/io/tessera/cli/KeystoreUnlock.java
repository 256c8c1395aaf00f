package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.profile.KeystoreLockedException;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import io.tessera.engine.profile.WrongPassphraseException;
import java.io.Console;
import java.util.Arrays;

/**
 * The keystore's passphrase at a terminal: asked with echo off ({@link Console#readPassword}), a bounded number of
 * times. Without a terminal (a service) the passphrase comes from a file or nowhere, and a locked store ends the
 * command at once with {@link #EXIT_LOCKED}.
 */
final class KeystoreUnlock {
    /** sysexits' EX_CONFIG: the units name it in RestartPreventExitStatus=, so systemd does not restart into it again. */
    static final int EXIT_LOCKED = 78;
    static final int TRIES = 3;
    static final int MIN_LENGTH = SecretStore.MIN_PASSPHRASE_LENGTH;

    private KeystoreUnlock() {}

    /** The keystore this command opened: asked for once per command, though several steps need it (a change and its record). */
    private static final java.util.Map<java.nio.file.Path, SecretStore> OPENED = new java.util.concurrent.ConcurrentHashMap<>();

    /** This installation's keystore, unlocked at the terminal when it needs a passphrase (once per command). */
    static SecretStore opened(AppDirectories dirs) {
        SecretStore secrets = store(dirs);
        open(secrets);
        return secrets;
    }

    /** This installation's keystore, the same object all through the command (so an unlock holds for every step). */
    static SecretStore store(AppDirectories dirs) {
        return OPENED.computeIfAbsent(SecretStore.inDirectories(dirs).keystoreFile(), file -> SecretStore.inDirectories(dirs));
    }

    /** Makes sure the keystore opens (asking at the terminal if it must), or ends the command with one line. */
    static void open(SecretStore secrets) {
        try {
            if (secrets.needsPassphrase()) {
                askAndUnlock(secrets);
            }
            secrets.check();
        } catch (KeystoreLockedException | WrongPassphraseException e) {
            throw new ReadableErrors.UserError(e.getMessage(), EXIT_LOCKED);
        } catch (SecretStoreException e) {
            throw new ReadableErrors.UserError(e.getMessage(), 1);
        }
    }

    private static void askAndUnlock(SecretStore secrets) throws SecretStoreException {
        Console console = terminal();
        if (console == null) {
            return; // check() says why the store stays locked
        }
        for (int attempt = 1; ; attempt++) {
            char[] typed = console.readPassword("Keystore passphrase (%s): ", secrets.keystoreFile());
            if (typed == null) {
                throw new ReadableErrors.UserError("no passphrase given; the keystore stays locked", EXIT_LOCKED);
            }
            try {
                secrets.unlock(typed);
                return;
            } catch (WrongPassphraseException e) {
                if (attempt == TRIES) {
                    throw new ReadableErrors.UserError(e.getMessage() + " (" + TRIES + " tries)", EXIT_LOCKED);
                }
                console.printf("Wrong passphrase, try again (%d of %d).%n", attempt + 1, TRIES);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }
    }

    /** A new passphrase, typed twice; the caller zeroes it. */
    static char[] askNew() {
        Console console = terminal();
        if (console == null) {
            throw new ReadableErrors.UserError("a new passphrase is typed at a terminal (twice, never echoed); run this command in one", 2);
        }
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            char[] first = console.readPassword("New keystore passphrase (at least %d characters): ", MIN_LENGTH);
            if (first == null) {
                break;
            }
            char[] again = first.length < MIN_LENGTH ? null : console.readPassword("The same again: ");
            if (again != null && Arrays.equals(first, again)) {
                Arrays.fill(again, '\0');
                return first;
            }
            console.printf(first.length < MIN_LENGTH ? "Too short.%n" : "The two differ.%n");
            Arrays.fill(first, '\0');
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
        throw new ReadableErrors.UserError("no new passphrase; the keystore is as it was", 1);
    }

    // JDK 22+ gives a Console even without a terminal: ask only a real one.
    private static Console terminal() {
        Console console = System.console();
        return console != null && console.isTerminal() ? console : null;
    }
}
