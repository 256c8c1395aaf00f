package io.tessera.engine.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of checking the whole trail: how many records were checked and their range (seq and time), the newest
 * record's hash (worth keeping elsewhere: see docs/security.md), and the first break when there is one.
 */
public record AuditVerification(long records, long firstSeq, long lastSeq, Instant firstTime, Instant lastTime, String headHash,
                                Optional<ChainBreak> problem) {

    public boolean intact() {
        return problem.isEmpty();
    }

    /** One line: "intact: 12 records, #1 (…) to #12 (…); head 12:3fa2…" (what {@code --expect} takes) or "BROKEN (changed) at record 7 (…): …". */
    public String summary() {
        if (problem.isPresent()) {
            ChainBreak b = problem.get();
            return "BROKEN (" + b.kind().name().toLowerCase(java.util.Locale.ROOT) + ") at record " + b.seq() + " (" + b.where() + "): " + b.message()
                    + (records == 0 ? "" : records == 1 ? "; the record before it is intact" : "; the " + records + " records before it are intact");
        }
        if (records == 0) {
            return "intact: the trail is empty";
        }
        return String.format(java.util.Locale.ROOT, "intact: %,d records, #%d (%s) to #%d (%s); head %d:%s", records, firstSeq, firstTime, lastSeq, lastTime,
                lastSeq, headHash);
    }
}
