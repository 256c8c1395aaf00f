package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.actions.WriteAccess;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretStore;

/** A profile name from the command line → endpoints and secrets, or a one-line error. */
final class ProfileTargets {
    private ProfileTargets() {}

    static ConnectionTarget resolve(String profileName) throws Exception {
        return resolve(profile(profileName));
    }

    static ConnectionProfile profile(String profileName) throws Exception {
        return ProfileStore.inDirectories(AppDirectories.fromEnvironment()).find(profileName)
                .orElseThrow(() -> new ReadableErrors.UserError("no profile named '" + profileName + "' (see `tessera profile list`)", 1));
    }

    /** A profile whose passwords are in a locked keystore asks for its passphrase at a terminal, or ends with one line. */
    static ConnectionTarget resolve(ConnectionProfile profile) throws Exception {
        return resolve(profile, AppDirectories.fromEnvironment());
    }

    static ConnectionTarget resolve(ConnectionProfile profile, AppDirectories dirs) throws Exception {
        SecretStore secrets = KeystoreUnlock.store(dirs);
        if (SecretStore.needsKeystore(profile)) {
            KeystoreUnlock.open(secrets);
        }
        return new ProfileResolver(dirs.localCluster(), secrets).resolve(profile);
    }

    /**
     * For commands that write without an action service (a worker's outputs, `tessera plan`'s plans): a read-only
     * profile only looks, so they refuse with the same reason the services give.
     */
    static void refuseWrites(ConnectionProfile profile) {
        if (profile.readOnly()) {
            throw new ReadableErrors.UserError(WriteAccess.readOnly(profile.name()).reason(), 1);
        }
    }
}
