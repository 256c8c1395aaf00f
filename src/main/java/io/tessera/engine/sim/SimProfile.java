package io.tessera.engine.sim;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ordinary cluster profile a sim writes for the console and the CLI: HDFS by the NameNode's address with the sim's
 * client configuration folder, the three ZooKeeper servers, and Redis through the three Sentinels, its password in the
 * keystore. {@code sim down} removes it again, but only a profile that still points at this sim.
 */
final class SimProfile {
    private SimProfile() {}

    static ConnectionProfile save(AppDirectories dirs, String name, SimLayout layout, Path clientConf, char[] redisPassword) throws SimException {
        ProfileStore store = ProfileStore.inDirectories(dirs);
        SecretStore secrets = SecretStore.inDirectories(dirs);
        try {
            Optional<ConnectionProfile> existing = store.find(name);
            if (existing.isPresent() && !isOurs(existing.get(), layout)) {
                throw new SimException("a profile named '" + name + "' exists and is not this sim's; choose another with --profile");
            }
            if (existing.isPresent()) {
                secrets.remove(existing.get().redis().password());
            }
            SecretRef password = secrets.put(redisPassword);
            ConnectionProfile profile = new ConnectionProfile(name, ConnectionProfile.Kind.CLUSTER,
                    new HdfsSettings(layout.hdfsUri(), clientConf.toString(), null),
                    new ZooKeeperSettings(layout.zooKeeperConnect(), "/tessera", null, null),
                    new RedisSettings(layout.redisSentinelUri(), null, password, false));
            store.save(profile, null);
            return profile;
        } catch (IOException | SecretStoreException | IllegalArgumentException e) {
            throw new SimException("cannot save the sim's profile '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Removes the profile and its password when it is this sim's; true when it did. */
    static boolean remove(AppDirectories dirs, String name, SimLayout layout) throws SimException {
        ProfileStore store = ProfileStore.inDirectories(dirs);
        try {
            Optional<ConnectionProfile> existing = store.find(name);
            if (existing.isEmpty() || !isOurs(existing.get(), layout)) {
                return false;
            }
            SecretStore.inDirectories(dirs).remove(existing.get().redis().password());
            return store.delete(name);
        } catch (IOException | SecretStoreException e) {
            throw new SimException("cannot remove the sim's profile '" + name + "': " + e.getMessage(), e);
        }
    }

    private static boolean isOurs(ConnectionProfile profile, SimLayout layout) {
        return !profile.isLocal() && layout.redisSentinelUri().equals(profile.redis().uri()) && layout.hdfsUri().equals(profile.hdfs().uri());
    }
}
