package io.tessera.console.profiles;

import io.tessera.engine.profile.KerberosSettings;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The editor's Kerberos fields for HDFS: how to sign in, the principal, the keytab's path or the ticket cache's. */
public final class KerberosForm {
    public enum Mode {
        NONE("None (simple authentication)"), KEYTAB("Principal and keytab"), TICKET_CACHE("Ticket cache (kinit)");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.NONE);
    public final StringProperty principal = new SimpleStringProperty("");
    public final StringProperty keytab = new SimpleStringProperty("");
    /** Empty: the default cache. */
    public final StringProperty ticketCache = new SimpleStringProperty("");

    void load(KerberosSettings settings) {
        if (settings == null) {
            mode.set(Mode.NONE);
            return;
        }
        mode.set(settings.usesKeytab() ? Mode.KEYTAB : Mode.TICKET_CACHE);
        principal.set(settings.principal() == null ? "" : settings.principal());
        keytab.set(settings.usesKeytab() ? settings.keytab() : "");
        ticketCache.set(settings.ticketCachePath() == null ? "" : settings.ticketCachePath());
    }

    /** What the fields say, or null without Kerberos. */
    KerberosSettings settings() {
        return switch (mode.get()) {
            case NONE -> null;
            case KEYTAB -> KerberosSettings.keytab(principal.get().strip(), keytab.get().strip());
            case TICKET_CACHE -> KerberosSettings.ticketCache(principal.get().strip(), ticketCache.get().strip());
        };
    }

    List<Observable> fields() {
        return List.of(mode, principal, keytab, ticketCache);
    }
}
