package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.security.RedisRole;
import io.tessera.engine.security.RedisRoles;
import io.tessera.engine.security.ZooKeeperRoles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `tessera acl redis` prints the rules {@link RedisRoles} builds (the ones RedisRolesIT applies to a real Redis). */
class AclCommandTest {
    @Test
    void printsTheRoleCommandTheRulesAndTheAclfileLine() throws Exception {
        Path home = Files.createTempDirectory("acl-cli");
        CliRun worker = CliRun.run(home, "acl", "redis", "--role", "worker", "--prefix", "p1:");
        assertEquals(0, worker.exitCode(), worker.err());
        assertEquals(RedisRoles.setUser(RedisRole.WORKER, "p1:", "tessera-worker"), worker.out().strip());
        assertTrue(worker.out().contains(" %R~p1:control:* "), worker.out());
        assertTrue(worker.out().contains(" -@dangerous "), worker.out());

        CliRun rules = CliRun.run(home, "acl", "redis", "--role", "viewer", "--rules-only");
        assertEquals(String.join(" ", RedisRoles.rules(RedisRole.VIEWER, "tessera:")), rules.out().strip());
        CliRun file = CliRun.run(home, "acl", "redis", "--role", "console", "--user", "ops", "--aclfile");
        assertTrue(file.out().startsWith("user ops reset on "), file.out());
        assertTrue(file.out().contains(" ~tessera:* "), file.out());
    }

    @Test
    void docsSecurityShowsTheRulesAsPrinted() throws Exception {
        String doc = Files.readString(Path.of("docs/security.md"));
        for (RedisRole role : RedisRole.values()) {
            String line = RedisRoles.setUser(role, "tessera:", "tessera-" + role.label());
            assertTrue(doc.contains(line + "\n"), "docs/security.md lacks: " + line);
        }
    }

    @Test
    void zookeeperPrintsEachRoleItsRightsNodeByNode() throws Exception {
        Path home = Files.createTempDirectory("acl-cli");
        CliRun worker = CliRun.run(home, "acl", "zookeeper", "--role", "worker");
        assertEquals(0, worker.exitCode(), worker.err());
        assertEquals(String.join("\n", ZooKeeperRoles.describe(RedisRole.WORKER)), worker.out().strip().replace("\r", ""));
        assertTrue(worker.out().contains("/jobs/*/shards/*       rw "), worker.out());
        CliRun noPassword = CliRun.run(home, "acl", "zookeeper", "--user", "tessera-worker");
        assertNotEquals(0, noPassword.exitCode());
        assertTrue(noPassword.err().contains("--user needs --password-stdin"), noPassword.err());
    }

    @Test
    void docsSecurityShowsTheZooKeeperRulesAsTheyAre() throws Exception {
        String doc = Files.readString(Path.of("docs/security.md"));
        for (ZooKeeperRoles.Rule rule : ZooKeeperRoles.rules()) {
            String row = "| `" + rule.pattern() + "` | " + ZooKeeperRoles.letters(rule.console()) + " | " + ZooKeeperRoles.letters(rule.worker())
                    + " | " + ZooKeeperRoles.letters(rule.viewer()) + " | " + rule.why() + " |\n";
            assertTrue(doc.contains(row), "docs/security.md lacks: " + row);
        }
    }

    @Test
    void anUnknownRoleABadUserOrPrefixIsAOneLineError() throws Exception {
        Path home = Files.createTempDirectory("acl-cli");
        CliRun role = CliRun.run(home, "acl", "redis", "--role", "admin");
        assertNotEquals(0, role.exitCode());
        assertTrue(role.err().contains("unknown role 'admin': console, worker or viewer"), role.err());
        CliRun user = CliRun.run(home, "acl", "redis", "--role", "worker", "--user", "a b");
        assertNotEquals(0, user.exitCode());
        assertTrue(user.err().contains("a Redis user name is"), user.err());
        assertTrue(user.err().strip().lines().count() <= 2, user.err());
        CliRun prefix = CliRun.run(home, "acl", "redis", "--role", "worker", "--prefix", "*");
        assertNotEquals(0, prefix.exitCode());
        assertTrue(prefix.err().contains("a Redis key prefix is"), prefix.err());
    }
}
