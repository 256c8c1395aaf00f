package io.tessera.engine.audit;

/**
 * Where the audit chain first breaks: which record (its seq, or the seq it should have had), where it was found, and
 * what is wrong, in a sentence for the operator.
 */
public record ChainBreak(Kind kind, long seq, String where, String message) {
    public enum Kind {
        /** A record's content does not match its hash, or a record was replaced by another with its own valid hash. */
        CHANGED,
        /** Records are absent: a gap in the sequence, or the newest ones (the head says more were written). */
        MISSING,
        /** Records are present but out of order. */
        REORDERED,
        /** A line or entry is not an audit record at all. */
        UNREADABLE
    }
}
