package io.tessera.engine.store;

/** "photo.jpg" → "photo (1).jpg", "photo (2).jpg"…: how "keep both" names the newcomer, on HDFS and on the desktop. */
public final class NameVariants {
    private NameVariants() {}

    public static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return name + " (" + n + ")";
        }
        return name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }
}
