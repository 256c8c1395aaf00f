package io.tessera.console.hdfs;

import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts text on the system clipboard: the preview's values, the upload's problem list. UI thread. */
final class CopyText {
    private CopyText() {}

    static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A menu item that copies what {@code text} gives at the time it is chosen (nothing when that is empty). */
    static MenuItem menuItem(String label, Supplier<String> text) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> {
            String now = text.get();
            if (!now.isEmpty()) {
                toClipboard(now);
            }
        });
        return item;
    }
}
