package io.tessera.engine.security;

import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.zk.SecretNodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * What each role ({@link RedisRole}: console, worker, viewer) may do on each znode under the Tessera root, as ZooKeeper
 * ACLs of the roles' digest ids ({@link ZooKeeperRolePolicy}): what every node Tessera creates gets
 * ({@link RoleAclProvider}), what {@code tessera acl zookeeper --apply} sets on an existing tree
 * ({@link ZooKeeperAclApplier}), what {@code tessera acl zookeeper --role} prints and docs/security.md shows.
 *
 * <p>The console may do everything everywhere (it plans, cancels, deletes, edits znodes, sets ACLs). A worker reads
 * everything but the policy-free world, and writes only what running tasks needs: its membership node, the coordinator
 * election, shard states, a cancel the coordinator copies from Redis, the task key when it is the first to need it, and
 * deleting the operator's request it has acted on. A viewer reads everything but the task key. The world gets nothing.
 * ZooKeeper ACLs hold for one node, not its subtree, and CREATE/DELETE are rights on the parent: hence a rule per level.
 */
public final class ZooKeeperRoles {
    private static final int R = Perms.READ;
    private static final int ALL = Perms.ALL;

    /** One row: the nodes it covers ({@code *} is one path segment, relative to the Tessera root), each role's rights, why. */
    public record Rule(String pattern, int console, int worker, int viewer, String why) {
        public int rights(RedisRole role) {
            return switch (role) {
                case CONSOLE -> console;
                case WORKER -> worker;
                case VIEWER -> viewer;
            };
        }

        boolean matches(String path) {
            String[] want = segments(pattern);
            String[] have = segments(path);
            if (want.length != have.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                if (!want[i].equals("*") && !want[i].equals(have[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** First match wins; {@link #OTHER} covers the rest (znodes operators make, the submit locks). */
    private static final List<Rule> RULES = List.of(
            new Rule("/", ALL, R | Perms.CREATE, R, "a worker makes workers, coordinator and security when it starts first"),
            new Rule(TesseraPaths.JOBS, ALL, R, R, "only a console plans jobs"),
            new Rule(TesseraPaths.JOBS + "/*", ALL, R | Perms.CREATE, R, "the coordinator copies a cancel Redis recorded (jobs/<id>/cancelled)"),
            new Rule(TesseraPaths.JOBS + "/*/shards", ALL, R, R, "the plan's shards are fixed"),
            new Rule(TesseraPaths.JOBS + "/*/shards/*", ALL, R | Perms.WRITE, R, "workers write shard progress and ends"),
            new Rule(TesseraPaths.WORKERS, ALL, R | Perms.CREATE | Perms.DELETE, R, "workers register (ephemeral) and leave"),
            new Rule(TesseraPaths.WORKERS + "/*", ALL, R | Perms.WRITE, R, "a worker publishes its figures"),
            new Rule(TesseraPaths.COORDINATOR, ALL, R | Perms.CREATE | Perms.DELETE, R, "workers stand for coordinator"),
            new Rule(TesseraPaths.WORKER_REQUESTS, ALL, R | Perms.DELETE, R, "a worker removes the drain or stop it acted on"),
            new Rule("/security", ALL, R | Perms.CREATE, R, "the first worker to need the task key may make it"),
            new Rule(SecretNodes.TASK_KEY, ALL, R, 0, "signs tasks: consoles and workers only"),
            new Rule(ZooKeeperRolePolicy.PATH, ALL, R, R, "every role reads the policy to make nodes with it"));
    private static final Rule OTHER = new Rule("(any other node)", ALL, R, R, "plans' markers, locks, operators' znodes");

    private ZooKeeperRoles() {}

    /** Every rule, the catch-all last. */
    public static List<Rule> rules() {
        List<Rule> all = new ArrayList<>(RULES);
        all.add(OTHER);
        return List.copyOf(all);
    }

    /** The rule of a node, by its path relative to the Tessera root. */
    public static Rule ruleFor(String relativePath) {
        return RULES.stream().filter(rule -> rule.matches(relativePath)).findFirst().orElse(OTHER);
    }

    /** The ACL a node gets under {@code policy}: each role's ids with the role's rights; nothing for the world. */
    public static List<ACL> aclFor(String relativePath, ZooKeeperRolePolicy policy) {
        Rule rule = ruleFor(relativePath);
        List<ACL> acl = new ArrayList<>();
        for (RedisRole role : RedisRole.values()) {
            int rights = rule.rights(role);
            if (rights == 0) {
                continue;
            }
            for (String id : policy.ids(role)) {
                ACL entry = new ACL(rights, new Id("digest", id));
                if (acl.stream().noneMatch(e -> e.getId().equals(entry.getId()))) {
                    acl.add(entry);
                }
            }
        }
        // not List.copyOf: ZooKeeper's client asks the list whether it contains null, which List.copyOf's lists refuse to answer
        return Collections.unmodifiableList(acl);
    }

    /** The rights as ZooKeeper's letters (cdrwa order), "-" for none. */
    public static String letters(int rights) {
        StringBuilder out = new StringBuilder();
        if ((rights & Perms.CREATE) != 0) out.append('c');
        if ((rights & Perms.DELETE) != 0) out.append('d');
        if ((rights & Perms.READ) != 0) out.append('r');
        if ((rights & Perms.WRITE) != 0) out.append('w');
        if ((rights & Perms.ADMIN) != 0) out.append('a');
        return out.isEmpty() ? "-" : out.toString();
    }

    /** The role's rights, one line per rule ({@code path  rights  why}): what {@code tessera acl zookeeper --role} prints. */
    public static List<String> describe(RedisRole role) {
        return rules().stream()
                .map(rule -> String.format(Locale.ROOT, "%-22s %-5s %s", rule.pattern(), letters(rule.rights(role)), rule.why()).stripTrailing())
                .toList();
    }

    private static String[] segments(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/");
    }
}
