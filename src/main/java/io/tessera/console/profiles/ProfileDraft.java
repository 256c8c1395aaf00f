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
import io.tessera.engine.profile.TlsSettings;
import java.util.List;

/** The editor's fields at one moment, taken on the UI thread and handed to background work. */
record ProfileDraft(String name, String hdfsUri, String confDir, String hdfsUser, KerberosSettings kerberos,
                    String zkConnect, String zkChroot, String zkUser, SecretField zkPassword,
                    String redisUri, String redisUser, SecretField redisPassword, boolean redisTls, boolean readOnly,
                    TlsDraft redisTlsFiles, TlsDraft zkTls) {

    static final String DEFAULT_CHROOT = "/tessera";

    ConnectionProfile profile(SecretRef zkRef, SecretRef redisRef, TlsSettings redisTlsSettings, TlsSettings zkTlsSettings) {
        return new ConnectionProfile(name.strip(), ConnectionProfile.Kind.CLUSTER,
                new HdfsSettings(hdfsUri.strip(), orNull(confDir), orNull(hdfsUser), kerberos),
                new ZooKeeperSettings(zkConnect.strip(), zkChroot.isBlank() ? DEFAULT_CHROOT : zkChroot.strip(), orNull(zkUser), zkRef, zkTlsSettings),
                new RedisSettings(redisUri.strip(), orNull(redisUser), redisRef, redisTls, redisTlsSettings), null, readOnly);
    }

    /** With the TLS settings as typed (their key store passwords as they will be). */
    ConnectionProfile profile(SecretRef zkRef, SecretRef redisRef) {
        return profile(zkRef, redisRef, redisTlsFiles.settingsForValidation(false), zkTls.settingsForValidation(true));
    }

    List<String> problems() {
        return ProfileValidator.problems(profile(zkPassword.forValidation(), redisPassword.forValidation()));
    }

    /** What a connection test connects to: typed passwords, or the stored ones (read from the keystore: blocking). */
    ConnectionTarget target(SecretStore secrets) throws SecretStoreException {
        ConnectionProfile typed = profile(null, null);
        return ProfileResolver.withPasswords(typed, password(zkPassword, secrets), password(redisPassword, secrets))
                .withTls(redisTlsFiles.config(secrets, typed.redis().tlsSettings()), zkTls.config(secrets, typed.zooKeeper().tlsSettings()));
    }

    static char[] password(SecretField field, SecretStore secrets) throws SecretStoreException {
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
