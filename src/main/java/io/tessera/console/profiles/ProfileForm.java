package io.tessera.console.profiles;

import io.tessera.engine.profile.ConnectionProfile;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The editable fields of a profile. Password fields start empty: a stored secret is shown as "stored", never read back. */
public final class ProfileForm {
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty hdfsUri = new SimpleStringProperty("");
    public final StringProperty hadoopConfDir = new SimpleStringProperty("");
    public final StringProperty hdfsUser = new SimpleStringProperty("");
    public final StringProperty zkConnect = new SimpleStringProperty("");
    public final StringProperty zkChroot = new SimpleStringProperty(ProfileDraft.DEFAULT_CHROOT);
    public final StringProperty zkUser = new SimpleStringProperty("");
    /** The digest password, kept only with a digest user; in the keystore like the Redis one. */
    public final StoredPassword zkPassword = new StoredPassword();
    public final StringProperty redisUri = new SimpleStringProperty("");
    public final StringProperty redisUser = new SimpleStringProperty("");
    public final StoredPassword redisPassword = new StoredPassword();
    public final BooleanProperty redisTls = new SimpleBooleanProperty();
    /** Nothing can be changed through the profile: every panel's writes are disabled, the services refuse them. */
    public final BooleanProperty readOnly = new SimpleBooleanProperty();
    /** How HDFS is signed in to with Kerberos (none by default). */
    public final KerberosForm kerberos = new KerberosForm();
    /** TLS files of Redis and of ZooKeeper (the editor's TLS part, {@link TlsSection}). */
    public final TlsFields redisTlsFiles = new TlsFields();
    public final TlsFields zkTls = new TlsFields();

    static ProfileForm of(ConnectionProfile profile) {
        ProfileForm form = new ProfileForm();
        if (profile != null) {
            form.name.set(profile.name());
            form.hdfsUri.set(profile.hdfs().uri());
            form.hadoopConfDir.set(text(profile.hdfs().confDir()));
            form.hdfsUser.set(text(profile.hdfs().user()));
            form.kerberos.load(profile.hdfs().kerberos());
            form.zkConnect.set(profile.zooKeeper().connectString());
            form.zkChroot.set(text(profile.zooKeeper().chroot()));
            form.zkUser.set(text(profile.zooKeeper().digestUser()));
            form.redisUri.set(profile.redis().uri());
            form.redisUser.set(text(profile.redis().user()));
            form.redisTls.set(profile.redis().tls());
            form.readOnly.set(profile.readOnly());
            form.zkPassword.load(profile.zooKeeper().digestPassword());
            form.redisPassword.load(profile.redis().password());
            form.redisTlsFiles.load(profile.redis().tlsSettings());
            form.zkTls.load(profile.zooKeeper().tlsSettings());
        }
        return form;
    }

    List<Observable> fields() {
        List<Observable> fields = new java.util.ArrayList<>(List.of(name, hdfsUri, hadoopConfDir, hdfsUser, zkConnect, zkChroot, zkUser,
                redisUri, redisUser, redisTls, readOnly));
        fields.addAll(zkPassword.fields());
        fields.addAll(redisPassword.fields());
        fields.addAll(kerberos.fields());
        fields.addAll(redisTlsFiles.fields());
        fields.addAll(zkTls.fields());
        return fields;
    }

    ProfileDraft draft() {
        return new ProfileDraft(name.get(), hdfsUri.get(), hadoopConfDir.get(), hdfsUser.get(), kerberos.settings(), zkConnect.get(), zkChroot.get(),
                zkUser.get(), zkPassword.field(!zkUser.get().isBlank()), redisUri.get(), redisUser.get(), redisPassword.field(true), redisTls.get(),
                readOnly.get(),
                redisTlsFiles.draft(true), zkTls.draft(zkTls.enabled.get()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
