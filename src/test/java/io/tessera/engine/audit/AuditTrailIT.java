package io.tessera.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.json.Json;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TcpProxy;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.StreamEntryID;

/** The trail in the shared cluster: records, chain, flush to HDFS, and the tampering verify must name. */
@Timeout(120)
class AuditTrailIT {
    private final AuditTesting audit = new AuditTesting();

    @AfterEach
    void cleanUp() throws Exception {
        audit.close();
    }

    @Test
    void aChainOfRecordsVerifiesWithItsCountRangeAndWhoDidWhat() throws Exception {
        audit.record(audit.trail("console"), 5);

        AuditVerification result = audit.log.verify(AuditLog.Progress.NONE);
        assertTrue(result.intact(), result.summary());
        assertEquals(5, result.records());
        assertEquals(1, result.firstSeq());
        assertEquals(5, result.lastSeq());
        assertEquals(audit.connection.redis().hget(audit.location.head(), "hash"), result.headHash());

        List<AuditRecord> records = audit.log.list(AuditQuery.newest(100)).records();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), records.stream().map(AuditRecord::seq).toList(), "oldest first");
        AuditRecord first = records.getFirst();
        assertEquals(System.getProperty("user.name"), first.user());
        assertEquals("console@test-host", first.origin());
        assertEquals("job.cancel", first.action());
        assertEquals(List.of("job-1"), first.targets());
        assertEquals(AuditResult.DONE, first.result());
        assertEquals(Set.of("hdfs", "zookeeper", "redis"), first.identities().keySet());
        assertEquals("anonymous", first.identity("zookeeper"), "the shared cluster's profile has no ZooKeeper credentials");
        assertEquals("default", first.identity("redis"));
        assertEquals(AuditChain.GENESIS, first.prev());
        assertEquals(first.hash(), records.get(1).prev(), "each record links to the one before");
    }

    @Test
    void noSecretOfTheProfileAppearsInAnyRecordInRedisOrInHdfs() throws Exception {
        ConnectionTarget shared = SharedCluster.target();
        String redisPassword = Files.readString(SharedCluster.get().redisPasswordFile()).strip();
        String zkPassword = "zk-Secret-4471";
        ConnectionTarget withCredentials = new ConnectionTarget("lab", shared.hdfsUri(), shared.hdfsConfDir(), "alice",
                shared.zooKeeperConnect(), shared.zooKeeperChroot(), "ops", zkPassword.toCharArray(),
                shared.redisUri(), shared.redisUser(), shared.redisPassword(), shared.redisTls());
        try (ClusterConnection connection = new ClusterConnection(withCredentials)) {
            AuditTrail trail = AuditTrails.forConnection(connection, new AuditOrigin("cli", "h1"), audit.location);
            trail.record(new AuditEvent(AuditActions.PROFILE_CHANGE, List.of("lab"), Map.of("redisPassword", "hunter22", "zkUser", "ops"),
                    AuditResult.FAILED, "auth failed for " + redisPassword + " and " + zkPassword));
        }
        String stored = String.join("\n", audit.streamEntries().values());
        assertFalse(stored.contains(redisPassword), "the Redis password reached a record: " + stored);
        assertFalse(stored.contains(zkPassword), "the ZooKeeper password reached a record: " + stored);
        assertFalse(stored.contains("hunter22"), "a parameter named like a password was kept: " + stored);
        AuditRecord record = audit.log.list(AuditQuery.newest(1)).records().getFirst();
        assertEquals("(redacted)", record.parameters().get("redisPassword"));
        assertEquals("auth failed for (redacted) and (redacted)", record.reason());
        assertEquals(Map.of("hdfs", "alice", "zookeeper", "ops", "redis", "default"), record.identities());
        assertEquals("lab", record.profile());

        assertEquals(1, audit.log.flush(Duration.ZERO));
        String file = String.join("\n", audit.fileLines(audit.onlyFile()));
        assertFalse(file.contains(redisPassword) || file.contains(zkPassword) || file.contains("hunter22"), file);
        assertTrue(audit.log.verify(AuditLog.Progress.NONE).intact());
    }

    @Test
    void aRecordDeletedFromTheStreamIsNamedAsMissingAndSoIsTheNewest() throws Exception {
        audit.record(audit.trail("console"), 5);
        LinkedHashMap<String, String> original = audit.streamEntries();
        List<String> ids = new ArrayList<>(original.keySet());

        audit.connection.redis().xdel(audit.location.stream(), new StreamEntryID(ids.get(2)));
        ChainBreak gap = audit.log.verify(AuditLog.Progress.NONE).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.MISSING, gap.kind());
        assertEquals(3, gap.seq());
        assertEquals("stream entry " + ids.get(3), gap.where(), "found where record 4 stands");
        assertTrue(gap.message().contains("record 3 is missing before record 4"), gap.message());

        LinkedHashMap<String, String> withoutNewest = new LinkedHashMap<>(original);
        withoutNewest.remove(ids.get(4));
        audit.rewriteStream(withoutNewest);
        ChainBreak tail = audit.log.verify(AuditLog.Progress.NONE).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.MISSING, tail.kind());
        assertEquals(5, tail.seq());
        assertTrue(tail.message().contains("head says record 5"), tail.message());
    }

    @Test
    void aChangedRecordInTheStreamIsNamedWhetherOrNotItsHashWasMadeAgain() throws Exception {
        audit.record(audit.trail("console"), 4);
        LinkedHashMap<String, String> original = audit.streamEntries();
        String secondId = new ArrayList<>(original.keySet()).get(1);

        LinkedHashMap<String, String> altered = new LinkedHashMap<>(original);
        altered.put(secondId, original.get(secondId).replace("\"job-2\"", "\"job-99\""));
        audit.rewriteStream(altered);
        ChainBreak changed = audit.log.verify(AuditLog.Progress.NONE).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.CHANGED, changed.kind());
        assertEquals(2, changed.seq());
        assertEquals("stream entry " + secondId, changed.where());

        // a forger who also makes the record's own hash again: record 3 no longer links to it
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(altered.get(secondId));
        json.put("hash", AuditChain.hashOf(json));
        altered.put(secondId, Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        audit.rewriteStream(altered);
        ChainBreak rehashed = audit.log.verify(AuditLog.Progress.NONE).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.CHANGED, rehashed.kind());
        assertEquals(2, rehashed.seq());
        assertEquals("stream entry " + secondId, rehashed.where());
    }

    @Test
    void aChainRewrittenFromItsStartVerifiesAloneButNotAgainstAHeadKeptElsewhere() throws Exception {
        audit.record(audit.trail("console"), 3);
        AuditVerification before = audit.log.verify(AuditLog.Progress.NONE);
        Map<Long, String> kept = Map.of(3L, before.headHash());

        // someone with Redis write access rewrites every record from the first, links and hashes included, and the head
        LinkedHashMap<String, String> rewritten = new LinkedHashMap<>();
        String prev = AuditChain.GENESIS;
        for (Map.Entry<String, String> entry : audit.streamEntries().entrySet()) {
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(entry.getValue().replace("job-1", "job-666"));
            json.put("prev", prev);
            json.put("hash", AuditChain.hashOf(json));
            prev = json.get("hash").asText();
            rewritten.put(entry.getKey(), json.toString());
        }
        audit.rewriteStream(rewritten);
        audit.connection.redis().hset(audit.location.head(), "hash", prev);
        assertTrue(audit.log.verify(AuditLog.Progress.NONE).intact(), "what a chain alone cannot show");
        ChainBreak rewrittenChain = audit.log.verify(AuditLog.Progress.NONE, kept).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.CHANGED, rewrittenChain.kind());
        assertEquals(3, rewrittenChain.seq());

        // or cuts the chain back by its newest record, head included
        LinkedHashMap<String, String> cut = new LinkedHashMap<>(rewritten);
        String newest = new ArrayList<>(cut.keySet()).getLast();
        String second = StoredLine.of(cut.get(new ArrayList<>(cut.keySet()).get(1)), "").hash();
        cut.remove(newest);
        audit.rewriteStream(cut);
        audit.connection.redis().hset(audit.location.head(), Map.of("seq", "2", "hash", second));
        assertTrue(audit.log.verify(AuditLog.Progress.NONE).intact());
        ChainBreak cutBack = audit.log.verify(AuditLog.Progress.NONE, kept).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.MISSING, cutBack.kind());
        assertEquals(3, cutBack.seq());
    }

    @Test
    void swappedRecordsInTheStreamAreNamedAsReordered() throws Exception {
        audit.record(audit.trail("console"), 4);
        LinkedHashMap<String, String> original = audit.streamEntries();
        List<String> ids = new ArrayList<>(original.keySet());
        LinkedHashMap<String, String> swapped = new LinkedHashMap<>();
        swapped.put(ids.get(0), original.get(ids.get(0)));
        swapped.put(ids.get(1), original.get(ids.get(2)));
        swapped.put(ids.get(2), original.get(ids.get(1)));
        swapped.put(ids.get(3), original.get(ids.get(3)));
        audit.rewriteStream(swapped);

        ChainBreak reordered = audit.log.verify(AuditLog.Progress.NONE).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.REORDERED, reordered.kind());
        assertEquals(2, reordered.seq());
        assertEquals("stream entry " + ids.get(2), reordered.where(), "where record 2 was moved to");
    }

    @Test
    void flushMovesOldRecordsToADailyFileTrimsTheStreamAndTheChainGoesOnAcrossTheBoundary() throws Exception {
        AuditTrail trail = audit.trail("worker");
        audit.record(trail, 4);
        assertEquals(0, audit.log.flush(Duration.ofHours(1)), "nothing is an hour old yet");
        assertEquals(4, audit.log.flush(Duration.ZERO));
        assertTrue(audit.streamEntries().isEmpty(), "the stream is trimmed once the file is durable");
        List<String> lines = audit.fileLines(audit.onlyFile());
        assertEquals(4, lines.size());
        assertEquals(List.of(1L, 2L, 3L, 4L), lines.stream().map(l -> StoredLine.of(l, "").seq()).toList());
        assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".jsonl", audit.onlyFile().getName());

        audit.record(trail, 3);
        AuditVerification across = audit.log.verify(AuditLog.Progress.NONE);
        assertTrue(across.intact(), across.summary());
        assertEquals(7, across.records());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), audit.log.list(AuditQuery.newest(100)).records().stream().map(AuditRecord::seq).toList());

        assertEquals(3, audit.log.flush(Duration.ZERO), "a second flush appends to the day's file");
        assertEquals(7, audit.fileLines(audit.onlyFile()).size());
        assertTrue(audit.log.verify(AuditLog.Progress.NONE).intact());
    }

    @Test
    void recordsGoToTheFileOfTheirDayAndALateClockJoinsTheNewestFileSoFilesStayInChainOrder() throws Exception {
        java.time.Instant evening = java.time.Instant.parse("2026-12-01T23:59:00Z");
        audit.connection.redis().set(audit.location.flushing(), "1"); // no flush of these old records in the background meanwhile
        for (java.time.Instant at : List.of(evening, evening.plusSeconds(120), evening.minusSeconds(60))) {
            new ClusterAuditTrail(audit.connection, new AuditOrigin("console", "h"), audit.location, java.time.Clock.fixed(at, java.time.ZoneOffset.UTC))
                    .record(new AuditEvent(AuditActions.JOB_SUBMIT, List.of("job-x"), Map.of(), AuditResult.DONE, ""));
        }
        java.time.Clock later = java.time.Clock.fixed(evening.plusSeconds(7200), java.time.ZoneOffset.UTC);
        assertEquals(3, new AuditFlusher(audit.connection, audit.location, later).flush(Duration.ZERO));
        assertEquals(List.of(1L), audit.fileLines(audit.file("2026-12-01.jsonl")).stream().map(l -> StoredLine.of(l, "").seq()).toList());
        assertEquals(List.of(2L, 3L), audit.fileLines(audit.file("2026-12-02.jsonl")).stream().map(l -> StoredLine.of(l, "").seq()).toList(),
                "record 3's clock said the 1st, but the 2nd's file had begun");
        AuditVerification result = audit.log.verify(AuditLog.Progress.NONE);
        assertTrue(result.intact(), result.summary());
        assertEquals(3, result.records());
    }

    @Test
    void recordsStillInTheStreamAfterAFlushDiedBeforeTrimmingAreNotCountedTwice() throws Exception {
        audit.record(audit.trail("worker"), 3);
        LinkedHashMap<String, String> before = audit.streamEntries();
        audit.log.flush(Duration.ZERO);
        audit.rewriteStream(before); // as if the flusher died after its file was durable, before XTRIM
        AuditVerification result = audit.log.verify(AuditLog.Progress.NONE);
        assertTrue(result.intact(), result.summary());
        assertEquals(3, result.records());
        assertEquals(0, audit.log.flush(Duration.ZERO), "the second flush only trims what the file already holds");
        assertTrue(audit.streamEntries().isEmpty());
        assertEquals(3, audit.fileLines(audit.onlyFile()).size());
    }

    @Test
    void tamperingWithTheHdfsFileIsNamedByFileAndLine() throws Exception {
        audit.record(audit.trail("worker"), 5);
        audit.log.flush(Duration.ZERO);
        var file = audit.onlyFile();
        List<String> original = audit.fileLines(file);

        List<String> changed = new ArrayList<>(original);
        changed.set(1, changed.get(1).replace("\"DONE\"", "\"DENIED\""));
        audit.rewriteFile(file, changed);
        ChainBreak c = audit.log.verify(AuditLog.Progress.NONE).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.CHANGED, c.kind());
        assertEquals(2, c.seq());
        assertEquals(file.getName() + " line 2", c.where());

        List<String> removed = new ArrayList<>(original);
        removed.remove(2);
        audit.rewriteFile(file, removed);
        ChainBreak m = audit.log.verify(AuditLog.Progress.NONE).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.MISSING, m.kind());
        assertEquals(3, m.seq());
        assertEquals(file.getName() + " line 3", m.where());

        List<String> swapped = new ArrayList<>(original);
        swapped.set(3, original.get(4));
        swapped.set(4, original.get(3));
        audit.rewriteFile(file, swapped);
        ChainBreak r = audit.log.verify(AuditLog.Progress.NONE).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.REORDERED, r.kind());
        assertEquals(4, r.seq());
        assertEquals(file.getName() + " line 5", r.where());

        List<String> garbage = new ArrayList<>(original);
        garbage.set(0, "not a record");
        audit.rewriteFile(file, garbage);
        ChainBreak u = audit.log.verify(AuditLog.Progress.NONE).problem().orElseThrow();
        assertEquals(ChainBreak.Kind.UNREADABLE, u.kind());
        assertEquals(file.getName() + " line 1", u.where());
    }

    @Test
    void concurrentAppendsFromManyConnectionsAndThreadsStayOneValidChain() throws Exception {
        int connections = 4;
        int threadsEach = 2;
        int recordsEach = 25;
        List<ClusterConnection> opened = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections * threadsEach);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                ClusterConnection connection = new ClusterConnection(SharedCluster.target());
                opened.add(connection);
                AuditTrail trail = AuditTrails.forConnection(connection, new AuditOrigin("console-" + c, "host-" + c), audit.location);
                for (int t = 0; t < threadsEach; t++) {
                    work.add(pool.submit(() -> audit.record(trail, recordsEach)));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            opened.forEach(ClusterConnection::close);
        }
        int all = connections * threadsEach * recordsEach;
        AuditVerification result = audit.log.verify(AuditLog.Progress.NONE);
        assertTrue(result.intact(), result.summary());
        assertEquals(all, result.records());
        List<AuditRecord> records = audit.log.list(AuditQuery.newest(1_000)).records();
        Set<Long> seqs = new HashSet<>(records.stream().map(AuditRecord::seq).toList());
        assertEquals(all, seqs.size(), "every seq once");
        assertEquals(connections, records.stream().map(AuditRecord::origin).distinct().count());
    }

    @Test
    void whileRedisIsDownActionsGoOnAndTheirRecordsAreWrittenInOrderOnceItIsBack() throws Exception {
        ConnectionTarget shared = SharedCluster.target();
        URI redis = URI.create(shared.redisUri());
        try (TcpProxy proxy = TcpProxy.to(redis.getHost(), redis.getPort())) {
            ConnectionTarget viaProxy = new ConnectionTarget(shared.profileName(), shared.hdfsUri(), shared.hdfsConfDir(), shared.hdfsUser(),
                    shared.zooKeeperConnect(), shared.zooKeeperChroot(), null, null,
                    redis.getScheme() + "://" + proxy.address(), shared.redisUser(), shared.redisPassword(), shared.redisTls());
            try (ClusterConnection connection = new ClusterConnection(viaProxy)) {
                AuditTrail trail = AuditTrails.forConnection(connection, new AuditOrigin("console", "h"), audit.location);
                Audited audited = new Audited(trail);
                audited.run(AuditActions.JOB_PAUSE, List.of("job-a"), Map.of(), () -> { });
                proxy.cut();
                List<String> done = new ArrayList<>();
                audited.run(AuditActions.JOB_PAUSE, List.of("job-b"), Map.of(), () -> done.add("b"));
                audited.run(AuditActions.JOB_RESUME, List.of("job-b"), Map.of(), () -> done.add("b again"));
                assertEquals(List.of("b", "b again"), done, "the actions happened although their records could not be written");
                assertEquals(1, audit.streamEntries().size());
                proxy.restore();
                audited.run(AuditActions.JOB_CANCEL, List.of("job-c"), Map.of(), () -> { });
            }
        }
        List<AuditRecord> records = audit.log.list(AuditQuery.newest(10)).records();
        assertEquals(List.of("job-a", "job-b", "job-b", "job-c"), records.stream().map(r -> r.targets().getFirst()).toList());
        assertEquals(List.of("job.pause", "job.pause", "job.resume", "job.cancel"), records.stream().map(AuditRecord::action).toList());
        assertTrue(audit.log.verify(AuditLog.Progress.NONE).intact());
    }

    @Test
    void listFiltersByUserActionTargetResultSinceAndLimitAcrossFileAndStream() throws Exception {
        AuditTrail trail = audit.trail("cli");
        trail.record(new AuditEvent(AuditActions.FILE_TRASH, List.of("/tessera/set-1/a.jpg"), Map.of(), AuditResult.DONE, ""));
        trail.record(new AuditEvent(AuditActions.FILE_DELETE, List.of("/tessera/set-2"), Map.of("recursive", "true"), AuditResult.DENIED, "Permission denied"));
        audit.log.flush(Duration.ZERO);
        trail.record(new AuditEvent(AuditActions.JOB_CANCEL, List.of("thumbs-1"), Map.of(), AuditResult.DONE, ""));
        trail.record(new AuditEvent(AuditActions.JOB_RETRY_FAILED, List.of("thumbs-1"), Map.of(), AuditResult.FAILED, "no failures"));

        assertEquals(List.of(1L, 2L), seqs(new AuditQuery(null, "file", null, null, null, 10)));
        assertEquals(List.of(4L), seqs(new AuditQuery(null, "job.retry-failed", null, null, null, 10)));
        assertEquals(List.of(2L), seqs(new AuditQuery(null, null, null, null, AuditQuery.parseResult("denied"), 10)));
        assertEquals(List.of(1L, 2L), seqs(new AuditQuery(null, null, "TESSERA/SET", null, null, 10)));
        assertEquals(List.of(3L, 4L), seqs(new AuditQuery(null, null, "thumbs-1", null, null, 10)));
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs(new AuditQuery(System.getProperty("user.name"), null, null, null, null, 10)));
        assertEquals(List.of(), seqs(new AuditQuery("mallory", null, null, null, null, 10)));
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs(new AuditQuery("default", null, null, null, null, 10)), "the Redis identity is a user too");
        assertEquals(List.of(3L, 4L), seqs(new AuditQuery(null, null, null, null, null, 2)), "the newest two");
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs(new AuditQuery(null, null, null, AuditQuery.parseSince("2h", java.time.Clock.systemUTC()), null, 10)));
        assertEquals(List.of(), seqs(new AuditQuery(null, null, null, java.time.Instant.now().plusSeconds(3600), null, 10)));
    }

    @Test
    void theTailGivesWhatWasAppendedAfterTheListing() throws Exception {
        AuditTrail trail = audit.trail("console");
        audit.record(trail, 2);
        AuditLog.Page page = audit.log.list(AuditQuery.newest(10));
        assertEquals(2, page.records().size());
        assertTrue(audit.log.tail(page.cursor(), 100).records().isEmpty());
        audit.record(trail, 3);
        AuditLog.Tail tail = audit.log.tail(page.cursor(), 100);
        assertEquals(List.of(3L, 4L, 5L), tail.records().stream().map(AuditRecord::seq).toList());
        assertTrue(audit.log.tail(tail.cursor(), 100).records().isEmpty());
    }

    private List<Long> seqs(AuditQuery query) throws Exception {
        return audit.log.list(query).records().stream().map(AuditRecord::seq).toList();
    }
}
