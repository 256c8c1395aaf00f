package io.tessera.console.hdfs;

import javafx.scene.image.Image;

/** What a grid card or the preview shows for an image entry: its thumbnail (decoded off the UI thread), or why there is none. */
public sealed interface Picture {

    record Shown(Image image) implements Picture {}

    /** {@code reason} in full, as the engine gives it ("truncated JPEG: no end-of-image marker"). */
    record Failed(String reason) implements Picture {
        /** What fits on a card: the reason up to its detail ("truncated JPEG", "not an image", "permission denied"). */
        public String headline() {
            int colon = reason.indexOf(':');
            int bracket = reason.indexOf(" (");
            int end = colon < 0 ? bracket : bracket < 0 ? colon : Math.min(colon, bracket);
            return end <= 0 ? reason : reason.substring(0, end);
        }
    }
}
