package io.tessera.engine.thumbs;

/**
 * A queued thumbnail request: it can be withdrawn ({@link #cancel}) or made more or less urgent while it waits
 * ({@link #prioritise}: lower numbers are made first; the grid gives the cells on screen their place on screen, and
 * the cells scrolled out of view a number after all of them).
 */
public interface ThumbnailRequest extends Cancellable {
    void prioritise(int priority);

    /** An answered request (a memory hit): nothing to cancel or move. */
    ThumbnailRequest ANSWERED = new ThumbnailRequest() {
        @Override
        public void prioritise(int priority) {}

        @Override
        public void cancel() {}
    };
}
