package io.tessera.engine.thumbs;

import java.util.Optional;

/**
 * A place thumbnails (and lasting failures, so a corrupt file is not decoded again) are kept. Never throws. What is
 * worth keeping is the {@link ThumbnailService}'s call ({@link ThumbnailFailures}); a cache keeps what it is given.
 */
public interface ThumbnailCache {
    Optional<ThumbnailResult> get(ThumbnailKey key);

    void put(ThumbnailKey key, ThumbnailResult result);

    ThumbnailCache NONE = new ThumbnailCache() {
        @Override
        public Optional<ThumbnailResult> get(ThumbnailKey key) {
            return Optional.empty();
        }

        @Override
        public void put(ThumbnailKey key, ThumbnailResult result) {}
    };
}
