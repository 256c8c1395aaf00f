package io.tessera.console.profiles;

import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.SecretRef;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    public final StringProperty zkPassword = new SimpleStringProperty("");
    public final StringProperty redisUri = new SimpleStringProperty("");
    public final StringProperty redisUser = new SimpleStringProperty("");
    public final StringProperty redisPassword = new SimpleStringProperty("");
    public final BooleanProperty redisTls = new SimpleBooleanProperty();
    /** Nothing can be changed through the profile: every panel's writes are disabled, the services refuse them. */
    public final BooleanProperty readOnly = new SimpleBooleanProperty();
    /** How HDFS is signed in to with Kerberos (none by default). */
    public final KerberosForm kerberos = new KerberosForm();
    /** TLS files of Redis and of ZooKeeper (the editor's TLS part, {@link TlsSection}). */
    public final TlsFields redisTlsFiles = new TlsFields();
    public final TlsFields zkTls = new TlsFields();
    private final ReadOnlyBooleanWrapper zkPasswordStored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper redisPasswordStored = new ReadOnlyBooleanWrapper();
    private SecretRef zkRef;
    private SecretRef redisRef;

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
            form.zkRef = profile.zooKeeper().digestPassword();
            form.redisRef = profile.redis().password();
            form.zkPasswordStored.set(form.zkRef != null);
            form.redisTlsFiles.load(profile.redis().tlsSettings());
            form.zkTls.load(profile.zooKeeper().tlsSettings());
            form.redisPasswordStored.set(form.redisRef != null);
        }
        return form;
    }

    /** Drops the stored ZooKeeper password when the profile is saved. */
    public void forgetZkPassword() {
        zkPasswordStored.set(false);
    }

    /** Drops the stored Redis password when the profile is saved. */
    public void forgetRedisPassword() {
        redisPasswordStored.set(false);
    }

    public ReadOnlyBooleanProperty zkPasswordStored() {
        return zkPasswordStored.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty redisPasswordStored() {
        return redisPasswordStored.getReadOnlyProperty();
    }

    List<Observable> fields() {
        List<Observable> fields = new java.util.ArrayList<>(List.of(name, hdfsUri, hadoopConfDir, hdfsUser, zkConnect, zkChroot, zkUser, zkPassword,
                redisUri, redisUser, redisPassword, redisTls, readOnly, zkPasswordStored, redisPasswordStored));
        fields.addAll(kerberos.fields());
        fields.addAll(redisTlsFiles.fields());
        fields.addAll(zkTls.fields());
        return fields;
    }

    ProfileDraft draft() {
        boolean zkWanted = !zkUser.get().isBlank() && (!zkPassword.get().isEmpty() || zkPasswordStored.get());
        SecretField zk = new SecretField(zkRef, zkPasswordStored.get(), zkWanted, zkPassword.get().toCharArray());
        boolean redisWanted = !redisPassword.get().isEmpty() || redisPasswordStored.get();
        SecretField redis = new SecretField(redisRef, redisPasswordStored.get(), redisWanted, redisPassword.get().toCharArray());
        return new ProfileDraft(name.get(), hdfsUri.get(), hadoopConfDir.get(), hdfsUser.get(), kerberos.settings(), zkConnect.get(), zkChroot.get(),
                zkUser.get(), zk, redisUri.get(), redisUser.get(), redis, redisTls.get(), readOnly.get(),
                redisTlsFiles.draft(true), zkTls.draft(zkTls.enabled.get()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
