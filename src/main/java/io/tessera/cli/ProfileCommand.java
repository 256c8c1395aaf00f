package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.kerberos.KeytabFile;
import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.KerberosSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import io.tessera.engine.profile.ProfileActions;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.ProfileValidator;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `tessera profile`: list, save and remove connection profiles; passwords go to the keystore or stay in the environment. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Manage connection profiles.",
        subcommands = {ProfileCommand.ListProfiles.class, ProfileCommand.SaveProfile.class, ProfileCommand.RemoveProfile.class})
final class ProfileCommand {

    private static AppDirectories dirs() {
        return AppDirectories.fromEnvironment();
    }

    @Command(name = "list", description = "List the profiles (no secrets are shown).")
    static final class ListProfiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            for (ConnectionProfile p : ProfileStore.inDirectories(dirs()).list()) {
                String limits = " | inputs up to " + p.limits().maxInputBytes() / ConnectionProfile.Limits.MIB + " MB" + (p.readOnly() ? " | read-only" : "");
                if (p.isLocal()) {
                    out.println("Local      the embedded cluster on this machine" + limits);
                } else {
                    out.printf("%-10s hdfs %s | zookeeper %s%s | redis %s%s%s%n", p.name(), p.hdfs().uri(), p.zooKeeper().connectString(),
                            (p.zooKeeper().chroot() == null ? "" : p.zooKeeper().chroot()) + (p.zooKeeper().tlsSettings() != null ? " (TLS)" : ""),
                            p.redis().uri(), p.redis().tls() || p.redis().uri().startsWith("rediss") ? " (TLS)" : "",
                            limits + kerberos(p.hdfs().kerberos()));
                }
            }
            out.flush();
            return 0;
        }
    }

    private static String kerberos(KerberosSettings kerberos) {
        return kerberos == null ? "" : " | kerberos " + (kerberos.principal() == null ? "" : kerberos.principal() + ", ") + kerberos.method();
    }

    @Command(name = "save", description = "Add or replace a cluster profile.")
    static final class SaveProfile implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "Profile name.")
        String name;

        @Option(names = "--hdfs", required = true, description = "HDFS URI, like hdfs://namenode:8020.")
        String hdfsUri;

        @Option(names = "--hadoop-conf", description = "Hadoop configuration folder (core-site.xml, hdfs-site.xml).")
        String hadoopConf;

        @Option(names = "--hdfs-user", description = "User to act as on HDFS.")
        String hdfsUser;

        @Mixin
        KerberosOptions kerberos;

        @Option(names = "--zookeeper", required = true, description = "ZooKeeper connect string, like zk1:2181,zk2:2181.")
        String zooKeeper;

        @Option(names = "--chroot", defaultValue = "/tessera", description = "ZooKeeper root for Tessera (default: ${DEFAULT-VALUE}).")
        String chroot;

        @Option(names = "--zookeeper-user", description = "ZooKeeper digest user.")
        String zooKeeperUser;

        @ArgGroup(exclusive = true)
        ZooKeeperSecret zooKeeperPassword;

        @Option(names = "--redis", required = true, description = "Redis URI, like redis://host:6379 or rediss://host:6380; or Sentinels and the primary's name, like "
                + "redis-sentinel://s1:26379,s2:26379,s3:26379#mymaster (add ?sentinel-auth=none before # when the Sentinels have no password).")
        String redisUri;

        @Option(names = "--redis-user", description = "Redis ACL user.")
        String redisUser;

        @ArgGroup(exclusive = true)
        RedisSecret redisPassword;

        @Option(names = "--tls", description = "Use TLS for Redis.")
        boolean tls;

        @Mixin
        TlsOptions tlsFiles;

        @Option(names = "--max-input-mb", paramLabel = "MB", description = "Largest input file workers read, in MB (1-1024; default: ${DEFAULT-VALUE}). "
                + "A larger file fails its image before a byte is read; each worker thread holds one input whole in memory.")
        long maxInputMb = ConnectionProfile.Limits.DEFAULT.maxInputBytes() / ConnectionProfile.Limits.MIB;

        @Option(names = "--read-only", description = "Mark the profile read-only: every write through it (upload, submit, cancel, znode edits, "
                + "drain, …) is refused, in the console and here.")
        boolean readOnly;

        @Override
        public Integer call() throws Exception {
            SecretStore secrets = KeystoreUnlock.opened(dirs());
            ConnectionProfile profile = new ConnectionProfile(name, ConnectionProfile.Kind.CLUSTER,
                    new HdfsSettings(hdfsUri, hadoopConf, hdfsUser, kerberos.settings()),
                    new ZooKeeperSettings(zooKeeper, chroot, zooKeeperUser, zooKeeperPassword == null ? null : zooKeeperPassword.store(secrets),
                            tlsFiles.zooKeeper(secrets)),
                    new RedisSettings(redisUri, redisUser, redisPassword == null ? null : redisPassword.store(secrets), tls, tlsFiles.redis(secrets)),
                    new ConnectionProfile.Limits(Math.clamp(maxInputMb, -1, 1L << 30) * ConnectionProfile.Limits.MIB), // validated below
                    readOnly);
            List<String> problems = ProfileValidator.problems(profile);
            if (!problems.isEmpty()) {
                throw new ReadableErrors.UserError(String.join(" ", problems), 2);
            }
            ProfileStore store = ProfileStore.inDirectories(dirs());
            String replaced = store.find(name).map(ConnectionProfile::name).orElse(null); // recorded as a change, not an add
            new ProfileActions(store, secrets, new ProfileTrail(profile)).save(profile, replaced, List.of());
            spec.commandLine().getOut().println("Saved profile " + name + " (passwords, if any, are in the keystore or the environment, not in the profile file).");
            String exposed = kerberos.settings() != null && kerberos.settings().usesKeytab() ? KeytabFile.exposure(kerberos.settings().keytab()) : null;
            if (exposed != null) {
                spec.commandLine().getOut().println("Warning: " + exposed + ".");
            }
            return 0;
        }
    }

    /** A password typed at a prompt (stored in the keystore) or named by an environment variable. */
    static final class ZooKeeperSecret {
        @Option(names = "--zookeeper-password", interactive = true, arity = "0..1", description = "Prompt for the ZooKeeper digest password.")
        char[] typed;

        @Option(names = "--zookeeper-password-env", paramLabel = "VARIABLE", description = "Read the ZooKeeper password from this environment variable at connect time.")
        String variable;

        SecretRef store(SecretStore secrets) throws SecretStoreException {
            return toRef(typed, variable, secrets);
        }
    }

    static final class RedisSecret {
        @Option(names = "--redis-password", interactive = true, arity = "0..1", description = "Prompt for the Redis password.")
        char[] typed;

        @Option(names = "--redis-password-env", paramLabel = "VARIABLE", description = "Read the Redis password from this environment variable at connect time.")
        String variable;

        SecretRef store(SecretStore secrets) throws SecretStoreException {
            return toRef(typed, variable, secrets);
        }
    }

    private static SecretRef toRef(char[] typed, String variable, SecretStore secrets) throws SecretStoreException {
        return variable != null ? SecretRef.env(variable) : secrets.put(typed);
    }

    @Command(name = "remove", description = "Remove a cluster profile and the passwords it kept in the keystore.")
    static final class RemoveProfile implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "Profile name.")
        String name;

        @Override
        public Integer call() throws Exception {
            ProfileStore store = ProfileStore.inDirectories(dirs());
            ConnectionProfile profile = store.find(name).filter(p -> !p.isLocal())
                    .orElseThrow(() -> new ReadableErrors.UserError("no saved profile named '" + name + "'", 1));
            new ProfileActions(store, KeystoreUnlock.opened(dirs()), new ProfileTrail(profile)).remove(profile);
            spec.commandLine().getOut().println("Removed profile " + name + ".");
            return 0;
        }
    }
}
