package io.tessera.engine.images;

import java.util.Locale;
import java.util.Optional;

/** The image formats Tessera reads, recognised by their magic bytes; the file name is never trusted. */
public enum ImageFormat {
    JPEG("jpeg", "image/jpeg", "jpg", "jpeg", "jpe", "jfif"),
    PNG("png", "image/png", "png"),
    GIF("gif", "image/gif", "gif"),
    BMP("bmp", "image/bmp", "bmp", "dib"),
    TIFF("tiff", "image/tiff", "tif", "tiff"),
    WEBP("webp", "image/webp", "webp");

    /** How many leading bytes {@link #sniff} needs to decide. */
    public static final int SNIFF_BYTES = 14; // a BMP needs its 14-byte file header

    private final String imageIoName;
    private final String mimeType;
    private final String[] extensions;

    ImageFormat(String imageIoName, String mimeType, String... extensions) {
        this.imageIoName = imageIoName;
        this.mimeType = mimeType;
        this.extensions = extensions;
    }

    public String imageIoName() {
        return imageIoName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The format the content starts with, if any; {@code head} may be shorter than {@link #SNIFF_BYTES}. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 'G', 'I', 'F', '8') && head.length >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return Optional.of(GIF);
        }
        if (startsWith(head, 'B', 'M') && head.length >= 14) {
            return Optional.of(BMP);
        }
        if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * Whether a name carries an image extension. Only a hint for fast "images only" listings, where
     * reading every file's first bytes would cost one round trip each; uploads and decoding sniff content.
     */
    public static boolean hasImageExtension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return false;
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat format : values()) {
            for (String e : format.extensions) {
                if (e.equals(ext)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
