package io.tessera.engine.ops;

import java.awt.image.BufferedImage;

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

    @Override
    public BufferedImage apply(BufferedImage image, Context context) {
        if (x >= image.getWidth() || y >= image.getHeight()) {
            throw new IllegalArgumentException("crop at " + x + "," + y + " lies outside the " + image.getWidth() + "×" + image.getHeight() + " image");
        }
        int w = Math.min(width, image.getWidth() - x);
        int h = Math.min(height, image.getHeight() - y);
        BufferedImage out = Canvas.like(image, w, h);
        // a copy, not getSubimage: the view would pin the whole source raster in memory
        return Canvas.draw(image.getSubimage(x, y, w, h), out, new java.awt.geom.AffineTransform(), false);
    }
}
