package io.tessera.engine.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks stored records in order (the files, then the stream) and finds the first break of the chain: a record whose
 * content does not match its hash (changed), one that does not link to the record before it (changed: one of them was
 * replaced), a gap in the sequence (missing), or a record out of place (reordered: the one expected is found a little
 * further on, or an older one turns up late). Records the stream still holds after they were flushed (the flusher
 * trims after its file is durable) are recognised by seq and hash and skipped.
 */
final class ChainCheck {
    /** How far ahead a missing record is looked for before it is called missing rather than moved. */
    static final int LOOKAHEAD = 1_000;
    private static final int REMEMBERED = 10_000;

    private final Iterator<StoredLine> source;
    /** Hashes of records kept outside the cluster (seq → hash), which the chain must still have. */
    private final Map<Long, String> anchors;
    private final ArrayDeque<StoredLine> ahead = new ArrayDeque<>();
    private final Map<Long, String> recentHashes = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private String expectedPrev = AuditChain.GENESIS;
    private long expectedSeq = 1;
    private String lastWhere = "";
    private long records;
    private long firstSeq;
    private Instant firstTime;
    private Instant lastTime;

    ChainCheck(Iterator<StoredLine> source, Map<Long, String> anchors) {
        this.source = source;
        this.anchors = anchors;
    }

    /**
     * Checks everything up to the head read before the walk (seq, hash; nulls when nothing was appended), then that the
     * head is the last record checked. Records appended during the walk, after that head, are left for the next check.
     */
    AuditVerification run(List<String> head) {
        long headSeq = head.get(0) == null ? Long.MAX_VALUE : Long.parseLong(head.get(0));
        Optional<ChainBreak> problem = Optional.empty();
        while (problem.isEmpty() && expectedSeq <= headSeq && (!ahead.isEmpty() || source.hasNext())) {
            problem = check(ahead.isEmpty() ? source.next() : ahead.poll());
        }
        if (problem.isEmpty()) {
            problem = checkHead(head);
        }
        if (problem.isEmpty()) {
            problem = anchors.keySet().stream().filter(seq -> seq >= expectedSeq).min(Long::compare).flatMap(seq -> broken(ChainBreak.Kind.MISSING, seq,
                    "the end of the chain", "record " + seq + ", whose hash was kept, is not in the chain: the chain was cut back"));
        }
        return new AuditVerification(records, firstSeq, expectedSeq - 1, firstTime, lastTime, records == 0 ? "" : expectedPrev, problem);
    }

    private Optional<ChainBreak> check(StoredLine line) {
        if (!line.readable()) {
            return broken(ChainBreak.Kind.UNREADABLE, expectedSeq, line.where(), "this is not an audit record (" + shortened(line.text()) + ")");
        }
        long seq = line.seq();
        if (!line.expectedHash().equals(line.hash())) {
            return broken(ChainBreak.Kind.CHANGED, seq, line.where(), "record " + seq + " was changed: its content does not match its hash");
        }
        if (seq < expectedSeq && line.hash().equals(recentHashes.get(seq))) {
            if (line.where().startsWith("stream")) {
                return Optional.empty(); // flushed to HDFS, not trimmed from the stream yet
            }
            return broken(ChainBreak.Kind.REORDERED, seq, line.where(), "record " + seq + " appears a second time, after record " + (expectedSeq - 1));
        }
        if (seq == expectedSeq && !line.prev().equals(expectedPrev)) {
            return broken(ChainBreak.Kind.CHANGED, seq - 1, lastWhere, "record " + (seq - 1) + " was replaced or rewritten: record " + seq
                    + " (" + line.where() + ") links to a different record " + (seq - 1));
        }
        if (seq > expectedSeq) {
            Optional<StoredLine> moved = findAhead(expectedSeq);
            if (moved.isPresent()) {
                return broken(ChainBreak.Kind.REORDERED, expectedSeq, moved.get().where(), "record " + expectedSeq + " is out of order: it comes after record "
                        + seq + " (" + line.where() + ")");
            }
            String which = seq - expectedSeq == 1 ? "record " + expectedSeq + " is" : "records " + expectedSeq + " to " + (seq - 1) + " are";
            return broken(ChainBreak.Kind.MISSING, expectedSeq, line.where(), which + " missing before record " + seq);
        }
        if (seq < expectedSeq) {
            return broken(ChainBreak.Kind.REORDERED, seq, line.where(), "record " + seq + " is out of order: it comes after record " + (expectedSeq - 1)
                    + " (" + lastWhere + ")");
        }
        String anchored = anchors.get(seq);
        if (anchored != null && !anchored.equalsIgnoreCase(line.hash())) {
            return broken(ChainBreak.Kind.CHANGED, seq, line.where(), "record " + seq + " is not the one whose hash was kept (" + anchored
                    + "): the chain was rewritten from it or before it");
        }
        accept(line);
        return Optional.empty();
    }

    private void accept(StoredLine line) {
        if (records == 0) {
            firstSeq = line.seq();
            firstTime = line.time().orElse(null);
        }
        records++;
        lastTime = line.time().orElse(lastTime);
        recentHashes.put(line.seq(), line.hash());
        expectedPrev = line.hash();
        expectedSeq = line.seq() + 1;
        lastWhere = line.where();
    }

    private Optional<StoredLine> findAhead(long seq) {
        while (ahead.size() < LOOKAHEAD && source.hasNext()) {
            ahead.add(source.next());
        }
        return ahead.stream().filter(l -> l.readable() && l.seq() == seq).findFirst();
    }

    private Optional<ChainBreak> checkHead(List<String> head) {
        if (head.get(0) == null) {
            return records == 0 ? Optional.empty()
                    : broken(ChainBreak.Kind.CHANGED, expectedSeq - 1, "the head", "the chain's head is gone from Redis, so the newest records cannot be vouched for");
        }
        long headSeq = Long.parseLong(head.get(0));
        if (headSeq > expectedSeq - 1) {
            String which = headSeq == expectedSeq ? "record " + expectedSeq + " is" : "records " + expectedSeq + " to " + headSeq + " are";
            return broken(ChainBreak.Kind.MISSING, expectedSeq, "the end of the stream", which + " missing: the chain's head says record " + headSeq
                    + " was written");
        }
        if (headSeq < expectedSeq - 1 || !head.get(1).equals(expectedPrev)) {
            return broken(ChainBreak.Kind.CHANGED, headSeq, "the head", "the chain's head (record " + headSeq + ") does not match the newest record ("
                    + (expectedSeq - 1) + ")");
        }
        return Optional.empty();
    }

    private static Optional<ChainBreak> broken(ChainBreak.Kind kind, long seq, String where, String message) {
        return Optional.of(new ChainBreak(kind, seq, where, message));
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }
}
