package io.tessera.console.shell;

import io.tessera.console.placeholder.PlaceholderViewModel;

/** The panels of the left navigation, in order (Ctrl+1 … Ctrl+6). */
public enum Panel {
    HDFS("HDFS", "fth-hard-drive", "", ""),
    SHARDS("Shards", "fth-grid", "The shard view arrives with a later issue",
            "See how each job's images are split into shards in ZooKeeper: owner, state and attempts of every shard."),
    JOBS("Jobs", "fth-layers", "", ""),
    LIVE("Live", "fth-radio", "", ""),
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

    /** The placeholder of a panel that is not built yet (every panel is built now; kept for the next one). */
    public PlaceholderViewModel placeholder() {
        return new PlaceholderViewModel(title, iconLiteral, headline, description);
    }

    public String shortcut() {
        return "Ctrl+" + (ordinal() + 1);
    }
}
