package io.tessera.engine.ops.reference;

import io.tessera.engine.Reasons;
import io.tessera.engine.images.ImageCheck;
import io.tessera.engine.images.ImageHeader;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.ShrinkTarget;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The reference path's decoder: ImageIO (with the TwelveMonkeys plugins) after {@link ImageInspector} accepted the
 * header, with source subsampling when the caller wants it small: a 6000×4000 photo for a 256 px thumbnail reads
 * every 11th pixel of every 11th row. Never throws for bad content.
 */
public final class ReferenceDecoder {
    static {
        ImageIO.setUseCache(false); // no temp files per image; our inputs are bounded in memory
    }

    private final ImageInspector inspector;

    public ReferenceDecoder(ImageLimits limits) {
        this.inspector = new ImageInspector(limits);
    }

    public sealed interface Result {
        record Decoded(BufferedImage image, ImageHeader header) implements Result {}

        record Rejected(String reason) implements Result {}
    }

    /** Decodes so that the longer side stays at least twice the longer side of the target (full size without one). */
    public Result decode(byte[] bytes, ShrinkTarget target) {
        ImageCheck check = inspector.check(bytes);
        if (!(check instanceof ImageCheck.Accepted(ImageHeader header))) {
            return new Result.Rejected(((ImageCheck.Rejected) check).reason());
        }
        int box = target.forSource(header.size()).map(size -> Math.max(size.width(), size.height())).orElse(0);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(header);
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(header, box);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return image == null ? new Result.Rejected("corrupt image: the decoder returned nothing")
                        : new Result.Decoded(image, header);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new Result.Rejected("corrupt image: " + Reasons.oneLine(e));
        } catch (OutOfMemoryError e) {
            return new Result.Rejected("not enough memory to decode " + header.dimensions());
        }
    }

    /** The largest step that keeps the longer side at least twice the box, so the final scale-down stays smooth. */
    static int subsampling(ImageHeader header, int box) {
        if (box <= 0) {
            return 1;
        }
        int longer = Math.max(header.width(), header.height());
        return Math.max(1, longer / (2 * box));
    }

    private static ImageReader reader(ImageHeader header) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(header.format().imageIoName());
        if (!readers.hasNext()) {
            throw new IOException("no reader for " + header.format());
        }
        return readers.next();
    }
}
