package io.tessera.console.shell;

import io.tessera.console.placeholder.PlaceholderViewModel;

/** The panels of the left navigation, in order (Ctrl+1 … Ctrl+6). */
public enum Panel {
    HDFS("HDFS", "fth-hard-drive", "", ""),
    SHARDS("Shards", "fth-grid", "The shard view arrives with a later issue",
            "See how each job's images are split into shards in ZooKeeper: owner, state and attempts of every shard."),
    JOBS("Jobs", "fth-layers", "", ""),
    LIVE("Live", "fth-radio", "The live view arrives with a later issue",
            "Watch results stream back from the workers over Redis as they are produced, and the workers that produce them."),
    MONITOR("Monitor", "fth-activity", "", ""),
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

    /** The placeholder shown until the panel is built; only Live is not built yet. */
    public PlaceholderViewModel placeholder() {
        return new PlaceholderViewModel(title, iconLiteral, headline, description);
    }

    public String shortcut() {
        return "Ctrl+" + (ordinal() + 1);
    }
}
