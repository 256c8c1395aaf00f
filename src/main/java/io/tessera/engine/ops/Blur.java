package io.tessera.engine.ops;

import java.awt.image.BufferedImage;

/** {@code blur:R}: a gaussian blur with standard deviation R pixels (0.1-50), as two separable passes. */
public record Blur(double radius) implements ImageOp {

    static Blur parse(OpArgs args) {
        args.only("radius");
        String r = args.positional() != null ? args.positional() : args.named("radius");
        return new Blur(args.decimal("the radius", args.required("a radius, e.g. blur:2.5", r), 0.1, 50));
    }

    @Override
    public String spec() {
        return "blur:" + radius;
    }

    @Override
    public BufferedImage apply(BufferedImage image, Context context) {
        return Convolution.separable(image, kernel(radius));
    }

    /** Weights out to three standard deviations, summing to 1. */
    static double[] kernel(double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
