package io.tessera.console.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The app's own icon set from icons/ (tessera-&lt;size&gt;.png), for the window and the toolbar. */
final class AppIcons {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512};

    private AppIcons() {}

    static List<Image> all() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            Image image = load(size);
            if (image != null) {
                images.add(image);
            }
        }
        return images;
    }

    static Image forToolbar() {
        return load(64);
    }

    private static Image load(int size) {
        InputStream in = AppIcons.class.getResourceAsStream("/io/tessera/icons/tessera-" + size + ".png");
        return in == null ? null : new Image(in);
    }
}
