package io.tessera.console.profiles;

import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import io.tessera.engine.profile.KerberosSettings;
import io.tessera.engine.profile.ProfileValidator;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import java.util.List;

/** The editor's fields at one moment, taken on the UI thread and handed to background work. */
record ProfileDraft(String name, String hdfsUri, String confDir, String hdfsUser, KerberosSettings kerberos,
                    String zkConnect, String zkChroot, String zkUser, SecretField zkPassword,
                    String redisUri, String redisUser, SecretField redisPassword, boolean redisTls, boolean readOnly) {

    static final String DEFAULT_CHROOT = "/tessera";

    ConnectionProfile profile(SecretRef zkRef, SecretRef redisRef) {
        return new ConnectionProfile(name.strip(), ConnectionProfile.Kind.CLUSTER,
                new HdfsSettings(hdfsUri.strip(), orNull(confDir), orNull(hdfsUser), kerberos),
                new ZooKeeperSettings(zkConnect.strip(), zkChroot.isBlank() ? DEFAULT_CHROOT : zkChroot.strip(), orNull(zkUser), zkRef),
                new RedisSettings(redisUri.strip(), orNull(redisUser), redisRef, redisTls), null, readOnly);
    }

    List<String> problems() {
        return ProfileValidator.problems(profile(zkPassword.forValidation(), redisPassword.forValidation()));
    }

    /** What a connection test connects to: typed passwords, or the stored ones (read from the keystore: blocking). */
    ConnectionTarget target(SecretStore secrets) throws SecretStoreException {
        return ProfileResolver.withPasswords(profile(null, null), password(zkPassword, secrets), password(redisPassword, secrets));
    }

    private static char[] password(SecretField field, SecretStore secrets) throws SecretStoreException {
        if (!field.wanted()) {
            return null;
        }
        if (field.typed().length > 0) {
            return field.typed().clone();
        }
        return field.keepExisting() ? secrets.resolve(field.existing()).orElse(null) : null;
    }

    private static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
