package io.tessera.engine.thumbs;

import java.util.Optional;

/** A place thumbnails (and failures, so a corrupt file is not decoded again) are kept. Never throws. */
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
