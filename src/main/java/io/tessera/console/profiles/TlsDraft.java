package io.tessera.console.profiles;

import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import io.tessera.engine.profile.TlsSettings;
import io.tessera.engine.security.tls.TlsConfig;
import java.util.List;

/** One service's TLS fields at one moment, as {@link ProfileDraft} takes them. */
record TlsDraft(boolean on, String trustFile, SecretRef trustPassword, String keyStore, SecretField keyStorePassword, boolean skipHostnameCheck) {

    static final TlsDraft OFF = new TlsDraft(false, "", null, "", new SecretField(null, false, false, new char[0]), false);

    /** The profile's settings with this key store password reference; null when TLS is off or nothing differs from the defaults. */
    TlsSettings settings(SecretRef keyStoreRef) {
        TlsSettings settings = new TlsSettings(trustFile, trustPassword, keyStore, keyStoreRef, skipHostnameCheck);
        return !on || settings.equals(TlsSettings.DEFAULTS) ? null : settings;
    }

    /** For ZooKeeper, whose TLS is on exactly when it has settings: the defaults rather than none. */
    TlsSettings settingsOrDefaults(SecretRef keyStoreRef) {
        TlsSettings settings = settings(keyStoreRef);
        return settings == null && on ? TlsSettings.DEFAULTS : settings;
    }

    /** Stores a typed key store password (and drops a replaced one) and returns its reference. */
    SecretRef storeKeyStorePassword(SecretStore secrets, List<SecretRef> created, List<SecretRef> obsolete) throws SecretStoreException {
        return keyStorePassword.store(secrets, created, obsolete);
    }

    /** What a connection test uses: typed or stored passwords. */
    TlsConfig config(SecretStore secrets, TlsSettings settings) throws SecretStoreException {
        if (settings == null) {
            return null;
        }
        char[] trust = trustPassword == null ? null : secrets.resolve(trustPassword).orElse(null);
        return ProfileResolver.tlsConfig(settings, trust, ProfileDraft.password(keyStorePassword, secrets));
    }
}
