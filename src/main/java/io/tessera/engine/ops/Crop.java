package io.tessera.engine.ops;

import io.tessera.engine.images.NativeImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** {@code crop:x=0,y=0,w=100,h=100}: the rectangle, clipped to the image; a rectangle entirely outside fails the image. */
public record Crop(int x, int y, int width, int height) implements ImageOp {

    static Crop parse(OpArgs args) {
        args.only("x", "y", "w", "h").noPositional();
        int x = args.has("x") ? args.integer("x", args.named("x"), 0, Resize.MAX_SIDE * 10) : 0;
        int y = args.has("y") ? args.integer("y", args.named("y"), 0, Resize.MAX_SIDE * 10) : 0;
        int w = args.integer("w", args.required("w= (the width), e.g. crop:x=0,y=0,w=100,h=100", args.named("w")), 1, Resize.MAX_SIDE);
        int h = args.integer("h", args.required("h= (the height), e.g. crop:x=0,y=0,w=100,h=100", args.named("h")), 1, Resize.MAX_SIDE);
        return new Crop(x, y, w, h);
    }

    @Override
    public String spec() {
        return "crop:x=" + x + ",y=" + y + ",w=" + width + ",h=" + height;
    }

    /** The part of the rectangle inside an image of that size. */
    public record Area(int x, int y, int width, int height) {}

    /** @throws IllegalArgumentException when the rectangle lies entirely outside */
    public Area within(int imageWidth, int imageHeight) {
        if (x >= imageWidth || y >= imageHeight) {
            throw new IllegalArgumentException("crop at " + x + "," + y + " lies outside the " + imageWidth + "×" + imageHeight + " image");
        }
        return new Area(x, y, Math.min(width, imageWidth - x), Math.min(height, imageHeight - y));
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        Area area = within(image.width(), image.height());
        try (Rect rect = new Rect(area.x(), area.y(), area.width(), area.height()); Mat view = new Mat(image.mat(), rect)) {
            return NativeImage.own(view.clone()); // a copy: the view would keep the whole source alive
        }
    }
}
