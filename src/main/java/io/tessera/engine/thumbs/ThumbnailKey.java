package io.tessera.engine.thumbs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Identifies one thumbnail: a changed file (new modification time or length) gets a new key, so no stale images. */
public record ThumbnailKey(String path, int box, long modifiedMillis, long length) {

    /** The shared cache key: hashed, so long or odd paths make neat keys; prefixed like every Tessera key. */
    public byte[] redisKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((path + "\n" + box + "\n" + modifiedMillis + "\n" + length).getBytes(StandardCharsets.UTF_8));
            return ("tessera:thumb:v1:" + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
