package io.tessera.console.secrets;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import io.tessera.engine.profile.WrongPassphraseException;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether the keystore waits for its passphrase, and unlocking it: the check and the (slow, on purpose) key derivation
 * run on the background executor; the properties change on the UI thread. A dialog allows {@link #TRIES} wrong
 * passphrases, then closes; the Unlock action opens it again.
 */
public final class KeystoreLockModel {
    public static final int TRIES = 5;

    private final SecretStore secrets;
    private final BackgroundTasks tasks;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private int wrongTries;

    public KeystoreLockModel(SecretStore secrets, BackgroundTasks tasks) {
        this.secrets = secrets;
        this.tasks = tasks;
    }

    /** Reads (in the background) whether the store needs a passphrase now; {@code then} runs on the UI thread. */
    public void refresh(Runnable then) {
        tasks.runQuietly(secrets::needsPassphrase, now -> {
            locked.set(now);
            then.run();
        }, reason -> then.run()); // an unreadable record shows as a failed connection later, with its reason
    }

    /** True when connecting with the profile must wait for the passphrase. */
    public boolean blocks(ConnectionProfile profile) {
        return locked.get() && SecretStore.needsKeystore(profile);
    }

    /** A fresh dialog: no message, the full number of tries. */
    public void begin() {
        wrongTries = 0;
        message.set("");
    }

    /** Unlocks with the passphrase, which this zeroes; {@code unlocked} runs on the UI thread when it worked. */
    public void unlock(char[] passphrase, Runnable unlocked) {
        busy.set(true);
        message.set("");
        tasks.run("Unlocking the keystore", () -> {
            try {
                secrets.unlock(passphrase);
                return "";
            } catch (WrongPassphraseException e) {
                return "Wrong passphrase.";
            } catch (SecretStoreException e) {
                return e.getMessage();
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, failure -> {
            busy.set(false);
            if (failure.isEmpty()) {
                locked.set(false);
                wrongTries = 0;
                unlocked.run();
            } else {
                wrongTries++;
                int left = TRIES - wrongTries;
                message.set(failure + (left > 0 ? " " + left + (left == 1 ? " try" : " tries") + " left." : ""));
            }
        }, reason -> {
            busy.set(false);
            message.set(reason);
        });
    }

    /** False once a dialog has seen {@link #TRIES} wrong passphrases. */
    public boolean triesLeft() {
        return wrongTries < TRIES;
    }

    public ReadOnlyBooleanProperty locked() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }
}
