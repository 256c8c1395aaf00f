package io.tessera.console.shell;

/** The panels of the left navigation, in order (Ctrl+1 … Ctrl+7). */
public enum Panel {
    HDFS("HDFS", "fth-hard-drive"),
    SHARDS("Shards", "fth-grid"),
    JOBS("Jobs", "fth-layers"),
    LIVE("Live", "fth-radio"),
    MONITOR("Monitor", "fth-activity"),
    HEALTH("Health", "fth-heart"),
    AUDIT("Audit", "fth-shield");

    private final String title;
    private final String iconLiteral;

    Panel(String title, String iconLiteral) {
        this.title = title;
        this.iconLiteral = iconLiteral;
    }

    public String title() {
        return title;
    }

    public String iconLiteral() {
        return iconLiteral;
    }

    public String shortcut() {
        return "Ctrl+" + (ordinal() + 1);
    }
}
