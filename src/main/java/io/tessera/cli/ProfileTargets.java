package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileStore;

/** A profile name from the command line → endpoints and secrets, or a one-line error. */
final class ProfileTargets {
    private ProfileTargets() {}

    static ConnectionTarget resolve(String profileName) throws Exception {
        AppDirectories dirs = AppDirectories.fromEnvironment();
        ConnectionProfile profile = ProfileStore.inDirectories(dirs).find(profileName)
                .orElseThrow(() -> new ReadableErrors.UserError("no profile named '" + profileName + "' (see `tessera profile list`)", 1));
        return ProfileResolver.inDirectories(dirs).resolve(profile);
    }
}
