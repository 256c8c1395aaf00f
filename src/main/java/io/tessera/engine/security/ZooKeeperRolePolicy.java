package io.tessera.engine.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who plays which role in ZooKeeper: the digest ids ({@code user:base64(sha1(user:password))}, never a password) of the
 * console, worker and viewer identities. It lives in ZooKeeper itself, at {@value #PATH} under the Tessera root,
 * written by a console with {@code tessera acl zookeeper --apply} and read by every Tessera process when it creates a
 * node ({@link RoleAclProvider}), so the identities are set once per cluster rather than in every profile. Readable
 * by the three roles, writable by consoles only, nothing for anyone else.
 */
public record ZooKeeperRolePolicy(List<String> console, List<String> worker, List<String> viewer) {
    /** Relative to the Tessera root. */
    public static final String PATH = "/security/zk-roles";

    public ZooKeeperRolePolicy {
        console = checked(console);
        worker = checked(worker);
        viewer = checked(viewer);
        if (console.isEmpty()) {
            throw new IllegalArgumentException("a ZooKeeper role policy needs at least one console id, or nobody could change it");
        }
    }

    public List<String> ids(RedisRole role) {
        return switch (role) {
            case CONSOLE -> console;
            case WORKER -> worker;
            case VIEWER -> viewer;
        };
    }

    /** Every id the policy names. */
    public List<String> all() {
        return Stream.of(console, worker, viewer).flatMap(List::stream).distinct().toList();
    }

    /** The digest id ZooKeeper gives {@code user} authenticated with {@code password}: {@code user:base64(sha1(user:password))}. */
    public static String digestId(String user, char[] password) {
        checkUser(user);
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
            return user + ":" + Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** An id as given on a command line: {@code digest:user:hash} or {@code user:hash}; the id without the scheme. */
    public static String parseId(String given) {
        String id = given.startsWith("digest:") ? given.substring("digest:".length()) : given;
        int colon = id.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a ZooKeeper digest id is digest:USER:BASE64-SHA1 (see tessera acl zookeeper --role ROLE --user USER --password-stdin), not '" + given + "'");
        }
        checkUser(id.substring(0, colon));
        String hash = id.substring(colon + 1);
        if (!hash.matches("[A-Za-z0-9+/]{27}=")) {
            throw new IllegalArgumentException("the hash of a ZooKeeper digest id is 28 base64 characters (a SHA-1), not '" + hash + "'");
        }
        return id;
    }

    private static List<String> checked(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(ZooKeeperRolePolicy::parseId).distinct().toList();
    }

    private static void checkUser(String user) {
        if (user == null || !user.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw new IllegalArgumentException("a ZooKeeper digest user is 1 to 64 letters, digits and _ . @ -, not '" + user + "'");
        }
    }
}
