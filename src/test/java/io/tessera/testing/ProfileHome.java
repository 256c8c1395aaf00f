package io.tessera.testing;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Tessera home of its own with one saved cluster profile (passwords in its keystore), so that `tessera …`
 * JVMs ({@link JvmProcess}) reach whatever servers a test runs: a ZooKeeper ensemble, a private Redis…
 */
public final class ProfileHome {
    private ProfileHome() {}

    /** A fresh home where {@code --profile NAME} connects to {@code target}. */
    public static Path with(String name, ConnectionTarget target) throws Exception {
        Path base = Path.of(System.getProperty("tessera.test.tmp", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        Path home = Files.createTempDirectory(base, "profile-home-");
        AppDirectories dirs = AppDirectories.under(home);
        SecretStore secrets = SecretStore.inDirectories(dirs);
        SecretRef zooKeeperPassword = target.zooKeeperDigestPassword() == null ? null : secrets.put(target.zooKeeperDigestPassword());
        SecretRef redisPassword = target.redisPassword() == null ? null : secrets.put(target.redisPassword());
        ProfileStore.inDirectories(dirs).save(new ConnectionProfile(name, ConnectionProfile.Kind.CLUSTER,
                new ConnectionProfile.HdfsSettings(target.hdfsUri(), target.hdfsConfDir(), target.hdfsUser(), target.hdfsKerberos()),
                new ConnectionProfile.ZooKeeperSettings(target.zooKeeperConnect(), target.zooKeeperChroot(), target.zooKeeperDigestUser(), zooKeeperPassword),
                new ConnectionProfile.RedisSettings(target.redisUri(), target.redisUser(), redisPassword, target.redisTls()), null, target.readOnly()), null);
        return home;
    }
}
