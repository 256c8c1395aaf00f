package io.tessera.engine.ops;

import java.awt.image.BufferedImage;

/** {@code sharpen} or {@code sharpen:A}: the image plus A (0.1-5, default 1) times its Laplacian detail. */
public record Sharpen(double amount) implements ImageOp {

    static Sharpen parse(OpArgs args) {
        args.only("amount");
        String a = args.positional() != null ? args.positional() : args.named("amount");
        return new Sharpen(a == null ? 1.0 : args.decimal("the amount", a, 0.1, 5));
    }

    @Override
    public String spec() {
        return amount == 1.0 ? "sharpen" : "sharpen:" + amount;
    }

    @Override
    public BufferedImage apply(BufferedImage image, Context context) {
        double a = amount;
        return Convolution.threeByThree(image, new double[] {0, -a, 0, -a, 1 + 4 * a, -a, 0, -a, 0});
    }
}
