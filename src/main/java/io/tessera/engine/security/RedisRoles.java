package io.tessera.engine.security;

import io.tessera.engine.audit.AuditLocation;
import io.tessera.engine.dispatch.DispatchKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis ACL rules of each {@link RedisRole} (Redis 7 or later), for one key prefix: what {@code tessera acl redis}
 * prints, what the tests apply to a real Redis, what docs/security.md explains. Keys and channels are named from the
 * same classes that name them for dispatch ({@link DispatchKeys}), the events and the audit trail.
 *
 * <p>Scripts run with their caller's ACL, and every key passed to EVAL/EVALSHA must be readable and writable by the
 * caller (Redis cannot tell how a script uses it): so the worker's keys cover every key of the scripts a worker runs,
 * and no such script names the control hash, which the worker may only read. The viewer runs only read-only scripts
 * (EVALSHA_RO: the queue depth), whose keys need read access only.
 */
public final class RedisRoles {
    /** What every role may not run whatever its keys: FLUSHALL, FLUSHDB, KEYS, CONFIG, DEBUG, SHUTDOWN, MIGRATE, ACL… */
    private static final String NO_ADMIN = "-@dangerous";
    /** INFO is in @dangerous, but clients read the server's run id and health from it (e.g. the coordinator). */
    private static final String INFO = "+info";
    /** The script commands the engine uses: by SHA, the source once when the server lacks it, read-only variants. */
    private static final List<String> SCRIPTS = List.of("+evalsha", "+eval", "+evalsha_ro", "+eval_ro", "+script|load", "+script|exists");

    /** What the console and the workers run: reads, writes, streams, pub/sub, MULTI, TIME (the scripts' clock) and the scripts. */
    private static final List<String> READ_WRITE = concat(List.of("+@read", "+@write", "+@stream", "+@pubsub", "+@connection",
            "+@transaction", "+time"), SCRIPTS);

    private RedisRoles() {}

    /** The rules after {@code ACL SETUSER <user>}: starts from {@code reset} (nothing allowed, no password) and turns the user on. */
    public static List<String> rules(RedisRole role, String prefix) {
        DispatchKeys keys = new DispatchKeys(checkPrefix(prefix));
        List<String> rules = new ArrayList<>(List.of("reset", "on", "resetchannels"));
        switch (role) {
            case CONSOLE -> {
                rules.add("~" + prefix + "*");
                rules.add("&" + prefix + "*");
                rules.addAll(READ_WRITE);
            }
            case WORKER -> {
                rules.addAll(workerKeys(keys).stream().map(key -> "~" + key).toList());
                rules.add("%R~" + keys.controlPattern());
                rules.add("&" + keys.events().channelPrefix() + "*");
                rules.addAll(READ_WRITE);
                // key names outside the prefix are none of a worker's business
                rules.addAll(List.of("-scan", "-randomkey"));
            }
            case VIEWER -> {
                rules.add("%R~" + prefix + "*");
                rules.add("~" + prefix + "thumb:*");
                rules.add("&" + keys.events().channelPrefix() + "*");
                rules.addAll(List.of("+@read", "+@connection", "+subscribe", "+psubscribe", "+ssubscribe", "+unsubscribe",
                        "+punsubscribe", "+sunsubscribe", "+evalsha_ro", "+eval_ro", "+setex", "+del"));
            }
        }
        rules.add(NO_ADMIN);
        rules.add(INFO);
        return List.copyOf(rules);
    }

    /** The command that creates (or redefines) {@code user} with the role's rules; its password is added apart, never printed. */
    public static String setUser(RedisRole role, String prefix, String user) {
        return "ACL SETUSER " + checkUser(user) + " " + String.join(" ", rules(role, prefix));
    }

    /** The same user as a line of a Redis aclfile ({@code aclfile} in redis.conf); its password is added apart. */
    public static String aclFileLine(RedisRole role, String prefix, String user) {
        return "user " + checkUser(user) + " " + String.join(" ", rules(role, prefix));
    }

    /** Keys a worker writes: the task streams, every job's keys, the job index, retries, dead letters, events, the audit trail. */
    private static List<String> workerKeys(DispatchKeys keys) {
        AuditLocation audit = new AuditLocation(keys.prefix(), AuditLocation.DEFAULT.folder());
        return List.of(keys.prefix() + "tasks:*", keys.jobPattern(), keys.jobs(), keys.retry(), keys.dead(), keys.events().results(),
                audit.stream(), audit.stream() + ":*");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static String checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || !prefix.matches("[A-Za-z0-9_.:-]+")) {
            throw new IllegalArgumentException("a Redis key prefix is letters, digits and _ . : - (for example tessera:), not '" + prefix + "'");
        }
        return prefix;
    }

    private static String checkUser(String user) {
        if (user == null || !user.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("a Redis user name is 1 to 64 letters, digits and _ . - , not '" + user + "'");
        }
        return user;
    }
}
