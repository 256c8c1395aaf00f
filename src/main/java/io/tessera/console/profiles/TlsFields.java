package io.tessera.console.profiles;

import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.TlsSettings;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The TLS fields of one service in the profile editor: trust file, client key store, its password (empty keeps the
 * stored one) and the hostname check. A trust file password, which only a PKCS#12 or JKS trust store needs, is set
 * with {@code tessera profile save} and kept as it was here.
 */
public final class TlsFields {
    /** ZooKeeper's switch; Redis has its own ("Use TLS" and rediss://). */
    public final BooleanProperty enabled = new SimpleBooleanProperty();
    public final StringProperty trustFile = new SimpleStringProperty("");
    public final StringProperty keyStore = new SimpleStringProperty("");
    public final StringProperty keyStorePassword = new SimpleStringProperty("");
    public final BooleanProperty checkHostname = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper keyStorePasswordStored = new ReadOnlyBooleanWrapper();
    private SecretRef keyStoreRef;
    private SecretRef trustRef;

    void load(TlsSettings settings) {
        enabled.set(settings != null);
        if (settings != null) {
            trustFile.set(settings.trustFile() == null ? "" : settings.trustFile());
            keyStore.set(settings.keyStore() == null ? "" : settings.keyStore());
            checkHostname.set(!settings.skipHostnameCheck());
            keyStoreRef = settings.keyStorePassword();
            trustRef = settings.trustPassword();
            keyStorePasswordStored.set(keyStoreRef != null);
        }
    }

    public ReadOnlyBooleanProperty keyStorePasswordStored() {
        return keyStorePasswordStored.getReadOnlyProperty();
    }

    /** Drops the stored key store password when the profile is saved. */
    public void forgetKeyStorePassword() {
        keyStorePasswordStored.set(false);
    }

    List<Observable> fields() {
        return List.of(enabled, trustFile, keyStore, keyStorePassword, checkHostname, keyStorePasswordStored);
    }

    /**
     * @param on whether the service uses TLS at all (ZooKeeper: {@link #enabled}; Redis: its own switch or URI)
     */
    TlsDraft draft(boolean on) {
        boolean wanted = !keyStore.get().isBlank() && (!keyStorePassword.get().isEmpty() || keyStorePasswordStored.get());
        return new TlsDraft(on, trustFile.get(), trustRef, keyStore.get(), new SecretField(keyStoreRef, keyStorePasswordStored.get(), wanted,
                keyStorePassword.get().toCharArray()), !checkHostname.get());
    }
}
