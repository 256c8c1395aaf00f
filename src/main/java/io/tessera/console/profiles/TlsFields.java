package io.tessera.console.profiles;

import io.tessera.engine.profile.TlsSettings;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The TLS fields of one service in the profile editor: trust file and its password (only a PKCS#12 or JKS trust store
 * has one), client key store and its password, the hostname check. Passwords go to the keystore ({@link StoredPassword}).
 */
public final class TlsFields {
    /** ZooKeeper's switch; Redis has its own ("Use TLS" and rediss://). */
    public final BooleanProperty enabled = new SimpleBooleanProperty();
    public final StringProperty trustFile = new SimpleStringProperty("");
    public final StoredPassword trustPassword = new StoredPassword();
    public final StringProperty keyStore = new SimpleStringProperty("");
    public final StoredPassword keyStorePassword = new StoredPassword();
    public final BooleanProperty checkHostname = new SimpleBooleanProperty(true);

    void load(TlsSettings settings) {
        enabled.set(settings != null);
        if (settings != null) {
            trustFile.set(settings.trustFile() == null ? "" : settings.trustFile());
            keyStore.set(settings.keyStore() == null ? "" : settings.keyStore());
            checkHostname.set(!settings.skipHostnameCheck());
            trustPassword.load(settings.trustPassword());
            keyStorePassword.load(settings.keyStorePassword());
        }
    }

    List<Observable> fields() {
        List<Observable> fields = new java.util.ArrayList<>(List.of(enabled, trustFile, keyStore, checkHostname));
        fields.addAll(trustPassword.fields());
        fields.addAll(keyStorePassword.fields());
        return fields;
    }

    /**
     * @param on whether the service uses TLS at all (ZooKeeper: {@link #enabled}; Redis: its own switch or URI)
     */
    TlsDraft draft(boolean on) {
        return new TlsDraft(on, trustFile.get(), trustPassword.field(!trustFile.get().isBlank()), keyStore.get(),
                keyStorePassword.field(!keyStore.get().isBlank()), !checkHostname.get());
    }
}
