package io.tessera.console.profiles;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ErrorSink;
import io.tessera.console.connection.Session;
import io.tessera.console.secrets.KeystoreLockModel;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileActions;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The toolbar's profile switcher: the saved profiles, the active one, and add / edit / delete. */
public final class ProfilesViewModel {
    private final ProfileActions actions;
    private final ProfileStore store;
    private final SecretStore secrets;
    private final Session session;
    private final BackgroundTasks tasks;
    private final ErrorSink errors;
    private final Duration testTimeout;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList(ConnectionProfile.local());
    // One read-only view for all callers: a temporary one would drop their (weak) listeners when collected.
    private final ObservableList<ConnectionProfile> profilesView = FXCollections.unmodifiableObservableList(profiles);
    private final BooleanBinding activeIsLocal;
    private final KeystoreLockModel lock;
    private final BooleanBinding offerUnlock;
    private Runnable askForPassphrase = () -> { };
    private boolean askedAtStart;

    public ProfilesViewModel(ProfileActions actions, SecretStore secrets, Session session, BackgroundTasks tasks, ErrorSink errors, Duration testTimeout) {
        this.actions = actions;
        this.store = actions.store();
        this.secrets = secrets;
        this.session = session;
        this.tasks = tasks;
        this.errors = errors;
        this.testTimeout = testTimeout;
        this.activeIsLocal = Bindings.createBooleanBinding(() -> session.activeProfileProperty().get().isLocal(), session.activeProfileProperty());
        this.lock = new KeystoreLockModel(secrets, tasks);
        this.offerUnlock = Bindings.createBooleanBinding(() -> profiles.stream().anyMatch(lock::blocks), profiles, lock.locked());
    }

    /** Loads the profiles; the first time a profile needs the locked keystore, asks for its passphrase once. */
    public void reload() {
        reload(loaded -> { });
    }

    /** @param then given the list once it is shown (on the UI thread); an empty one when it could not be read */
    private void reload(Consumer<List<ConnectionProfile>> then) {
        tasks.run("Loading profiles", store::list, loaded -> {
            profiles.setAll(loaded);
            then.accept(loaded);
            lock.refresh(() -> {
                if (!askedAtStart && offerUnlock.get()) {
                    askedAtStart = true;
                    askForPassphrase.run();
                }
            });
        }, reason -> {
            errors.show("The profiles could not be loaded", reason);
            then.accept(List.of()); // a save still switches to the saved profile (the editor's copy)
        });
    }

    /** What the view does when the passphrase is wanted at start (opens the unlock dialog). */
    public void whenPassphraseWanted(Runnable ask) {
        this.askForPassphrase = ask;
    }

    /** True when connecting with the profile waits for the keystore's passphrase. */
    public boolean needsUnlock(ConnectionProfile profile) {
        return profile != null && lock.blocks(profile);
    }

    public KeystoreLockModel keystoreLock() {
        return lock;
    }

    /** True while the keystore is locked and some profile needs it: the switcher offers Unlock. */
    public BooleanBinding offerUnlock() {
        return offerUnlock;
    }

    /** Switches to the profile unless it is already active. */
    public void activate(ConnectionProfile profile) {
        if (profile != null && !profile.equals(session.activeProfileProperty().get())) {
            session.activate(profile);
        }
    }

    public ProfileEditorViewModel newProfile() {
        return new ProfileEditorViewModel(null, actions, secrets, tasks, testTimeout);
    }

    public ProfileEditorViewModel editActive() {
        return new ProfileEditorViewModel(active().get(), actions, secrets, tasks, testTimeout);
    }

    /**
     * After a save: refresh the list, then use the saved profile as the list has it (reconnecting if it was the active
     * one). The list's copy, read back from the file, is the one the switcher can show: activating the editor's own
     * copy before the list held an equal one left the switcher blank, or showing the record's toString.
     */
    public void saved(ConnectionProfile profile) {
        reload(loaded -> session.activate(loaded.stream().filter(p -> p.name().equals(profile.name())).findFirst().orElse(profile)));
    }

    /** Deletes the active cluster profile and its stored secrets, then goes back to Local. */
    public void deleteActive() {
        ConnectionProfile doomed = active().get();
        if (doomed.isLocal()) {
            return;
        }
        session.activate(ConnectionProfile.local());
        tasks.run("Deleting profile " + doomed.name(), () -> {
            actions.remove(doomed);
            return store.list();
        }, profiles::setAll, reason -> errors.show("Profile " + doomed.name() + " was not deleted", reason));
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profilesView;
    }

    public ReadOnlyObjectProperty<ConnectionProfile> active() {
        return session.activeProfileProperty();
    }

    /** Local cannot be edited or deleted. */
    public BooleanBinding activeIsLocal() {
        return activeIsLocal;
    }
}
