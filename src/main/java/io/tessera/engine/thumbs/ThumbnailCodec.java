package io.tessera.engine.thumbs;

import io.tessera.engine.images.Thumbnail;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The binary form of a cached result in Redis: a version byte, then either
 * 'T' mime width height length data, or 'F' reason. Small, explicit, and not Java serialization.
 */
final class ThumbnailCodec {
    private static final int VERSION = 1;

    private ThumbnailCodec() {}

    static byte[] encode(ThumbnailResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            switch (result) {
                case ThumbnailResult.Ready ready -> {
                    Thumbnail t = ready.thumbnail();
                    out.writeByte('T');
                    out.writeUTF(t.mimeType());
                    out.writeInt(t.width());
                    out.writeInt(t.height());
                    out.writeInt(t.data().length);
                    out.write(t.data());
                }
                case ThumbnailResult.Failed failed -> {
                    out.writeByte('F');
                    out.writeUTF(failed.reason());
                }
                case ThumbnailResult.Dropped dropped -> throw new IllegalArgumentException("a dropped request is not cached");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Empty for anything it does not recognise (another version, a damaged value): a miss, not an error. */
    static Optional<ThumbnailResult> decode(byte[] value, ThumbnailResult.Origin origin) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            if (in.readByte() != VERSION) {
                return Optional.empty();
            }
            return switch (in.readByte()) {
                case 'T' -> {
                    String mime = in.readUTF();
                    int width = in.readInt();
                    int height = in.readInt();
                    byte[] data = in.readNBytes(in.readInt());
                    yield Optional.of(new ThumbnailResult.Ready(new Thumbnail(data, mime, width, height), origin));
                }
                case 'F' -> Optional.of(new ThumbnailResult.Failed(in.readUTF(), origin));
                default -> Optional.empty();
            };
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
