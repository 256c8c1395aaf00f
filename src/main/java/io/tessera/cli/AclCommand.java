package io.tessera.cli;

import io.tessera.engine.audit.AuditOrigin;
import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.security.RedisRole;
import io.tessera.engine.security.RedisRoles;
import io.tessera.engine.security.ZooKeeperAclApplier;
import io.tessera.engine.security.ZooKeeperRolePolicy;
import io.tessera.engine.security.ZooKeeperRoles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** `tessera acl redis|zookeeper --role …`: the access rules each role needs (see docs/security.md, "Redis ACL roles", "ZooKeeper digest roles"). */
@Command(name = "acl", mixinStandardHelpOptions = true, description = "Print the access rules of Tessera's roles for its servers.",
        subcommands = {AclCommand.Redis.class, AclCommand.ZooKeeper.class})
final class AclCommand {

    @Command(name = "redis", mixinStandardHelpOptions = true,
            description = {"Print the Redis 7 ACL SETUSER command of a role: its keys and channels under Tessera's prefix only, "
                    + "the commands it needs, no admin command (FLUSHALL, KEYS, CONFIG, DEBUG…).",
                    "The password is not part of it: add #SHA256-HEX of it (or >PASSWORD) when you run it, e.g. "
                    + "redis-cli --askpass ACL SETUSER tessera-worker $(tessera acl redis --role worker --rules-only) \"#$HASH\" "
                    + "(see docs/security.md, \"Redis ACL roles\")."})
    static final class Redis implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--role", required = true, paramLabel = "console|worker|viewer",
                description = "console (operators: submit and control jobs), worker (run tasks; control flags read only), "
                        + "viewer (read only).", converter = RoleConverter.class)
        RedisRole role;

        @Option(names = "--prefix", defaultValue = "tessera:", description = "Tessera's Redis key prefix (default: ${DEFAULT-VALUE}).")
        String prefix;

        @Option(names = "--user", description = "The Redis user name (default: tessera-<role>).")
        String user;

        @Option(names = "--aclfile", description = "Print a line for a Redis aclfile (user NAME rules…) instead of the command.")
        boolean aclFile;

        @Option(names = "--rules-only", description = "Print the rules alone (what follows ACL SETUSER NAME).")
        boolean rulesOnly;

        @Override
        public Integer call() {
            String name = user == null ? "tessera-" + role.label() : user;
            String line = rulesOnly ? String.join(" ", RedisRoles.rules(role, prefix))
                    : aclFile ? RedisRoles.aclFileLine(role, prefix, name) : RedisRoles.setUser(role, prefix, name);
            spec.commandLine().getOut().println(line);
            return 0;
        }
    }

    @Command(name = "zookeeper", mixinStandardHelpOptions = true,
            description = {"Print what a role may do on each znode under the Tessera root (ZooKeeper ACLs of digest ids), "
                    + "and the digest id of a user (--user U --password-stdin: digest:U:base64(sha1(U:PASSWORD)), never the password).",
                    "With --apply, as a console profile: store the role policy (the roles' digest ids) at <root>/security/zk-roles "
                    + "and set every existing node's ACL to it; from then on every Tessera process makes nodes with it "
                    + "(see docs/security.md, \"ZooKeeper digest roles\")."})
    static final class ZooKeeper implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--role", paramLabel = "console|worker|viewer", converter = RoleConverter.class,
                description = "Print this role's rights, node by node.")
        RedisRole role;

        @Option(names = "--user", description = "With --password-stdin: print this digest user's id (read the password from standard input).")
        String user;

        @Option(names = "--password-stdin", description = "Read the password of --user from the first line of standard input.")
        boolean passwordStdin;

        @Option(names = "--apply", description = "Store the policy and bring the existing tree to it, as the profile's (console) identity.")
        boolean apply;

        @Option(names = {"-p", "--profile"}, defaultValue = ConnectionProfile.LOCAL_NAME, description = "With --apply: the console profile (default: ${DEFAULT-VALUE}).")
        String profileName;

        @Option(names = "--console", paramLabel = "digest:USER:HASH", description = "With --apply: more console ids (the profile's own is always one).")
        List<String> consoles = new ArrayList<>();

        @Option(names = "--worker", paramLabel = "digest:USER:HASH", description = "With --apply: the workers' ids.")
        List<String> workers = new ArrayList<>();

        @Option(names = "--viewer", paramLabel = "digest:USER:HASH", description = "With --apply: the viewers' ids.")
        List<String> viewers = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (apply) {
                return apply(out);
            }
            if (role == null && user == null) {
                throw new ReadableErrors.UserError("give --role ROLE (its rights), --user USER --password-stdin (its digest id), or --apply", 2);
            }
            if (user != null) {
                if (!passwordStdin) {
                    throw new ReadableErrors.UserError("--user needs --password-stdin: the id is made from the password, which is never an argument", 2);
                }
                String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null || password.isEmpty()) {
                    throw new ReadableErrors.UserError("no password on standard input", 2);
                }
                out.println("digest:" + ZooKeeperRolePolicy.digestId(user, password.toCharArray()));
            }
            if (role != null) {
                ZooKeeperRoles.describe(role).forEach(out::println);
            }
            return 0;
        }

        private int apply(PrintWriter out) throws Exception {
            ConnectionProfile profile = ProfileTargets.profile(profileName);
            ProfileTargets.refuseWrites(profile);
            try (ClusterServices cluster = ClusterServices.open(ProfileTargets.resolve(profile), AuditOrigin.of("cli"))) {
                ZooKeeperAclApplier.Outcome done = cluster.applyZooKeeperRoles(consoles, workers, viewers);
                out.printf("role policy stored; %,d nodes set, %,d already right, %,d refused%n", done.set(), done.unchanged(), done.refused());
                for (String path : done.refusedPaths()) {
                    out.println("  may not change " + path + " (made by another identity: set it as its creator or the ZooKeeper superuser, or recreate it)");
                }
                return done.refused() == 0 ? 0 : 3;
            }
        }
    }

    static final class RoleConverter implements ITypeConverter<RedisRole> {
        @Override
        public RedisRole convert(String value) {
            for (RedisRole role : RedisRole.values()) {
                if (role.label().equals(value)) {
                    return role;
                }
            }
            throw new TypeConversionException("unknown role '" + value + "': console, worker or viewer");
        }
    }
}
