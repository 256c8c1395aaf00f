package io.tessera.engine.profile;

import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.engine.audit.Audited;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's actions on saved profiles, for the console and the CLI alike: add, change, remove (with the secrets
 * the profile kept). Each is recorded once, with the profile's name and its endpoints; a password is recorded as
 * "(set)" or as the environment variable it is read from, never its value. Profiles live on this machine, so a
 * read-only profile does not stop them being edited: marking a profile read-only, or not, is itself such an edit.
 */
public final class ProfileActions {
    private final ProfileStore store;
    private final SecretStore secrets;
    private final Audited audited;

    public ProfileActions(ProfileStore store, SecretStore secrets, AuditTrail trail) {
        this.store = store;
        this.secrets = secrets;
        this.audited = new Audited(trail);
    }

    public ProfileStore store() {
        return store;
    }

    /**
     * Saves a new profile ({@code previousName} null) or a changed one (renamed from {@code previousName}), then removes
     * the secrets the change made obsolete.
     */
    public void save(ConnectionProfile profile, String previousName, List<SecretRef> obsolete) throws IOException {
        String action = previousName == null ? AuditActions.PROFILE_ADD : AuditActions.PROFILE_CHANGE;
        List<String> targets = previousName == null || previousName.equals(profile.name()) ? List.of(profile.name()) : List.of(profile.name(), previousName);
        audited.run(action, targets, parameters(profile), () -> {
            store.save(profile, previousName);
            for (SecretRef old : obsolete) {
                removeSecret(old, "its replaced password");
            }
        });
    }

    /** Removes a saved profile and the passwords it kept in the keystore; false when there was no such profile. */
    public boolean remove(ConnectionProfile profile) throws IOException {
        return audited.call(AuditActions.PROFILE_REMOVE, List.of(profile.name()), Map.of(), () -> {
            if (profile.isLocal()) {
                throw new IllegalArgumentException("the Local profile is built in and cannot be removed");
            }
            boolean removed = store.delete(profile.name());
            for (SecretRef ref : new SecretRef[] {profile.zooKeeper().digestPassword(), profile.redis().password()}) {
                if (ref != null) {
                    removeSecret(ref, "a password it kept");
                }
            }
            return removed;
        });
    }

    private void removeSecret(SecretRef ref, String what) throws IOException {
        try {
            secrets.remove(ref);
        } catch (SecretStoreException e) {
            throw new IOException("the profile was saved or removed, but " + what + " could not be removed from the keystore: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> parameters(ConnectionProfile profile) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (profile.hdfs() != null) {
            parameters.put("hdfs", profile.hdfs().uri());
        }
        if (profile.zooKeeper() != null) {
            parameters.put("zookeeper", profile.zooKeeper().connectString() + (profile.zooKeeper().chroot() == null ? "" : profile.zooKeeper().chroot()));
            put(parameters, "zookeeper user", profile.zooKeeper().digestUser());
            parameters.put("zookeeper password", secret(profile.zooKeeper().digestPassword()));
        }
        if (profile.redis() != null) {
            parameters.put("redis", profile.redis().uri());
            put(parameters, "redis user", profile.redis().user());
            parameters.put("redis password", secret(profile.redis().password()));
        }
        parameters.put("read-only", Boolean.toString(profile.readOnly()));
        return parameters;
    }

    private static void put(Map<String, String> parameters, String key, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(key, value);
        }
    }

    /** A secret as its name: where it is read from, never what it is. */
    private static String secret(SecretRef ref) {
        if (ref == null) {
            return "(none)";
        }
        return ref.isEnvironment() ? "(from $" + ref.name() + ")" : "(set)";
    }
}
