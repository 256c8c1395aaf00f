package io.tessera.console.profiles;

import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import io.tessera.engine.profile.TlsSettings;
import io.tessera.engine.security.tls.TlsConfig;
import java.util.List;

/** One service's TLS fields at one moment, as {@link ProfileDraft} takes them. */
record TlsDraft(boolean on, String trustFile, SecretField trustPassword, String keyStore, SecretField keyStorePassword, boolean skipHostnameCheck) {

    static final TlsDraft OFF = new TlsDraft(false, "", new SecretField(null, false, false, new char[0]), "",
            new SecretField(null, false, false, new char[0]), false);

    /** The profile's settings with these password references; null when TLS is off or nothing differs from the defaults. */
    TlsSettings settings(SecretRef trustRef, SecretRef keyStoreRef) {
        TlsSettings settings = new TlsSettings(trustFile, trustRef, keyStore, keyStoreRef, skipHostnameCheck);
        return !on || settings.equals(TlsSettings.DEFAULTS) ? null : settings;
    }

    /** For ZooKeeper, whose TLS is on exactly when it has settings: the defaults rather than none. */
    TlsSettings settingsOrDefaults(SecretRef trustRef, SecretRef keyStoreRef) {
        TlsSettings settings = settings(trustRef, keyStoreRef);
        return settings == null && on ? TlsSettings.DEFAULTS : settings;
    }

    /** The settings as validation sees them: a typed password stands as a pending reference. */
    TlsSettings settingsForValidation(boolean orDefaults) {
        return orDefaults ? settingsOrDefaults(trustPassword.forValidation(), keyStorePassword.forValidation())
                : settings(trustPassword.forValidation(), keyStorePassword.forValidation());
    }

    /** Stores typed passwords (dropping replaced ones, after the save) and returns the settings to save. */
    TlsSettings storeSettings(SecretStore secrets, List<SecretRef> created, List<SecretRef> obsolete, boolean orDefaults) throws SecretStoreException {
        SecretRef trust = trustPassword.store(secrets, created, obsolete);
        SecretRef key = keyStorePassword.store(secrets, created, obsolete);
        return orDefaults ? settingsOrDefaults(trust, key) : settings(trust, key);
    }

    /** What a connection test uses: typed or stored passwords. */
    TlsConfig config(SecretStore secrets, TlsSettings settings) throws SecretStoreException {
        if (settings == null) {
            return null;
        }
        return ProfileResolver.tlsConfig(settings, ProfileDraft.password(trustPassword, secrets), ProfileDraft.password(keyStorePassword, secrets));
    }
}
