package io.tessera.console.shell;

import io.tessera.console.placeholder.PlaceholderViewModel;

/** The panels of the left navigation, in order (Ctrl+1 … Ctrl+6). */
public enum Panel {
    HDFS("HDFS", "fth-hard-drive", "", ""),
    SHARDS("Shards", "fth-grid", "The shard view arrives with a later issue",
            "See how each job's images are split into shards in ZooKeeper: owner, state and attempts of every shard."),
    JOBS("Jobs", "fth-layers", "The jobs panel arrives with a later issue",
            "Submit thumbnail, resize, conversion and hashing jobs, follow their progress, pause, cancel and retry them."),
    LIVE("Live", "fth-radio", "", ""),
    MONITOR("Monitor", "fth-activity", "The Redis monitor arrives with a later issue",
            "Subscribe to pub/sub channels and patterns, and see the dispatch streams, consumer groups and pending entries."),
    HEALTH("Health", "fth-heart", "", "");

    private final String title;
    private final String iconLiteral;
    private final String headline;
    private final String description;

    Panel(String title, String iconLiteral, String headline, String description) {
        this.title = title;
        this.iconLiteral = iconLiteral;
        this.headline = headline;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String iconLiteral() {
        return iconLiteral;
    }

    /** The placeholder shown until the panel is built; HDFS, Health, Shards and Live are built. */
    public PlaceholderViewModel placeholder() {
        return new PlaceholderViewModel(title, iconLiteral, headline, description);
    }

    public String shortcut() {
        return "Ctrl+" + (ordinal() + 1);
    }
}
