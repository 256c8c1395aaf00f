package io.tessera.console.shards;

import io.tessera.engine.shard.ShardState;
import javafx.scene.paint.Color;

/** One colour per shard state, for tiles and legend alike; chosen to read on the light and the dark theme. */
final class ShardColors {
    private ShardColors() {}

    static Color fill(ShardState state) {
        return switch (state) {
            case PLANNED -> Color.web("#8c959f");
            case QUEUED -> Color.web("#54aeff");
            case RUNNING -> Color.web("#d4a72c");
            case DONE -> Color.web("#2da44e");
            case FAILED -> Color.web("#cf222e");
        };
    }

    /** Text drawn on a tile of that state. */
    static Color text(ShardState state) {
        return state == ShardState.QUEUED || state == ShardState.RUNNING ? Color.web("#1f2328") : Color.WHITE;
    }

    static String title(ShardState state) {
        String name = state.name();
        return name.charAt(0) + name.substring(1).toLowerCase();
    }
}
