package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.audit.AuditTesting;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.testing.SharedCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** `tessera audit verify` and `tessera audit list` on a trail of its own in the shared cluster. */
@Timeout(120)
class AuditCommandIT {
    private final AuditTesting audit = new AuditTesting();

    @AfterEach
    void cleanUp() throws Exception {
        audit.close();
    }

    private CliRun tessera(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--key-prefix", audit.location.keyPrefix(), "--audit-folder", audit.location.folder()));
        return CliRun.run(SharedCluster.directories().data().getParent(), all.toArray(String[]::new));
    }

    private void recordThree() {
        AuditTrail trail = audit.trail("console");
        trail.record(new AuditEvent(AuditActions.FILE_TRASH, List.of("/tessera/set-1/a.jpg"), Map.of(), AuditResult.DONE, ""));
        trail.record(new AuditEvent(AuditActions.JOB_CANCEL, List.of("thumbs-7"), Map.of(), AuditResult.DENIED, "NOPERM this user has no permissions"));
        trail.record(new AuditEvent(AuditActions.JOB_RESUME, List.of("thumbs-7"), Map.of(), AuditResult.DONE, ""));
    }

    @Test
    void verifySaysOkWithCountAndRangeAndExitsNonZeroNamingTheBrokenRecord() {
        recordThree();
        CliRun ok = tessera("audit", "verify");
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
        assertTrue(ok.out().startsWith("OK intact: 3 records, #1 ("), ok.out());
        String head = ok.out().strip().substring(ok.out().strip().lastIndexOf("head ") + 5);
        assertTrue(head.matches("3:[0-9a-f]{64}"), head);
        assertEquals(0, tessera("audit", "verify", "--expect", head).exitCode());
        CliRun otherHead = tessera("audit", "verify", "--expect", "3:" + "ab".repeat(32));
        assertEquals(AuditCommand.BROKEN, otherHead.exitCode(), otherHead.out() + otherHead.err());
        assertTrue(otherHead.err().contains("record 3 is not the one whose hash was kept"), otherHead.err());
        assertEquals(2, tessera("audit", "verify", "--expect", "three").exitCode());

        LinkedHashMap<String, String> entries = audit.streamEntries();
        String second = new ArrayList<>(entries.keySet()).get(1);
        entries.put(second, entries.get(second).replace("DENIED", "DONE"));
        audit.rewriteStream(entries);
        CliRun broken = tessera("audit", "verify");
        assertEquals(AuditCommand.BROKEN, broken.exitCode(), broken.out() + broken.err());
        assertTrue(broken.err().contains("BROKEN (changed) at record 2 (stream entry " + second + "): record 2 was changed"), broken.err());
    }

    /**
     * An upload writes its record as it ends, on the uploader's thread: the command must not return (and close its
     * connection, and the JVM exit) before the record is written. Read at once after the command, on the cluster's trail.
     */
    @Test
    void aCliUploadIsOnRecordWhenTheCommandReturns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path local) throws Exception {
        java.nio.file.Files.write(local.resolve("a.jpg"), io.tessera.testing.TestImages.jpeg(40, 30));
        java.nio.file.Path home = SharedCluster.directories().data().getParent();
        for (int i = 0; i < 3; i++) {
            String dest = "/test/audited-upload-" + java.util.UUID.randomUUID();
            CliRun upload = CliRun.run(home, "upload", local.resolve("a.jpg").toString(), dest);
            assertEquals(0, upload.exitCode(), upload.out() + upload.err());
            CliRun listed = CliRun.run(home, "audit", "list", "--target", dest, "--json");
            assertEquals(0, listed.exitCode(), listed.err());
            assertEquals(1, listed.out().lines().count(), "upload " + (i + 1) + " of 3: " + listed.out());
            assertTrue(listed.out().contains("\"action\":\"file.upload\"") && listed.out().contains("\"result\":\"DONE\""), listed.out());
        }
    }

    @Test
    void listFiltersAndPrintsATableOrJsonLines() {
        recordThree();
        CliRun all = tessera("audit", "list");
        assertEquals(0, all.exitCode(), all.err());
        List<String> lines = all.out().lines().toList();
        assertEquals(4, lines.size(), all.out());
        assertTrue(lines.getFirst().startsWith("SEQ  TIME"), lines.getFirst());
        assertTrue(lines.get(2).contains("job.cancel") && lines.get(2).contains("thumbs-7") && lines.get(2).contains("denied")
                && lines.get(2).endsWith("NOPERM this user has no permissions"), lines.get(2));
        assertTrue(lines.get(1).contains("console@test-host"), lines.get(1));

        CliRun denied = tessera("audit", "list", "--result", "denied", "--json");
        assertEquals(1, denied.out().lines().count(), denied.out());
        assertTrue(denied.out().startsWith("{\"seq\":2,"), denied.out());

        CliRun jobs = tessera("audit", "list", "--action", "job", "--target", "THUMBS", "--since", "1h", "--limit", "1");
        assertEquals(2, jobs.out().lines().count(), jobs.out());
        assertTrue(jobs.out().lines().toList().get(1).contains("job.resume"), jobs.out());

        CliRun nobody = tessera("audit", "list", "--user", "mallory");
        assertEquals("no audit records match", nobody.out().strip());

        CliRun badSince = tessera("audit", "list", "--since", "yesterday");
        assertEquals(2, badSince.exitCode());
        assertTrue(badSince.err().startsWith("tessera audit list: a since is an age (90s, 15m, 2h, 7d)"), badSince.err());
    }
}
