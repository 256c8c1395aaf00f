package io.tessera.cli;

import io.tessera.engine.security.RedisRole;
import io.tessera.engine.security.RedisRoles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** `tessera acl redis --role …`: the access rules each role needs (see docs/security.md, "Redis ACL roles"). */
@Command(name = "acl", mixinStandardHelpOptions = true, description = "Print the access rules of Tessera's roles for its servers.",
        subcommands = {AclCommand.Redis.class})
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
