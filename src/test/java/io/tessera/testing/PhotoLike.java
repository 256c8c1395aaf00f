package io.tessera.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.bytedeco.opencv.global.opencv_imgcodecs;

/**
 * Generated stand-ins for photographs when no real sample is at hand: smooth gradients, sensor-like noise, hard
 * anti-aliased edges, text and fine stripes, in every layout the decoders meet (grey, CMYK, 16-bit, palette, alpha).
 */
public final class PhotoLike {
    private PhotoLike() {}

    /** A photo-like RGB scene, reproducible from its seed. */
    public static BufferedImage photo(int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double phase = random.nextDouble() * Math.PI;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double hills = Math.sin(x * 6.0 / w + phase) * 0.15 + y / (double) h;
                int r = clamp(70 + 150 * hills + random.nextGaussian() * 6);
                int g = clamp(110 + 100 * Math.sin(y * 3.0 / h + phase) + random.nextGaussian() * 6);
                int b = clamp(200 - 120 * hills + random.nextGaussian() * 6);
                row[x] = r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, w, 1, row, 0, w);
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            if (i % 2 == 0) {
                g.fillOval(x - w / 10, y - h / 10, w / 5, h / 6);
            } else {
                g.fillRect(x - w / 12, y - h / 12, w / 6, h / 7);
            }
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(Math.max(1, w / 300f)));
        g.drawLine(0, h / 3, w, h / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, h / 12)));
        g.drawString("Tessera " + seed, w / 10, h * 9 / 10);
        for (int x = w * 6 / 10; x < w * 9 / 10; x += 4) { // fine stripes: aliasing shows here first
            g.setColor((x / 4) % 2 == 0 ? Color.BLACK : Color.LIGHT_GRAY);
            g.fillRect(x, h / 10, 2, h / 5);
        }
        g.dispose();
        return image;
    }

    /** The photo with a soft alpha ramp and a fully transparent hole. */
    public static BufferedImage withAlpha(int w, int h, long seed) {
        BufferedImage rgb = photo(w, h, seed);
        BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean hole = Math.hypot(x - w * 0.7, y - h * 0.4) < Math.min(w, h) / 6.0;
                int alpha = hole ? 0 : 255 - x * 200 / w;
                argb.setRGB(x, y, alpha << 24 | rgb.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return argb;
    }

    /** One file per layout the decoders handle, named by what it is; all {@code w}×{@code h}. */
    public static Map<String, byte[]> files(int w, int h, long seed) {
        BufferedImage photo = photo(w, h, seed);
        BufferedImage alpha = withAlpha(w, h, seed);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("photo.jpg", jpeg(photo, 0.9f));
        files.put("grey.jpg", TestImages.encode(grey(photo), "jpeg"));
        files.put("cmyk.jpg", cmykJpeg(photo));
        files.put("photo.png", TestImages.encode(photo, "png"));
        files.put("alpha.png", TestImages.encode(alpha, "png"));
        files.put("grey16.png", TestImages.encode(sixteenBit(photo, 1), "png"));
        files.put("rgb16.png", TestImages.encode(sixteenBit(photo, 3), "png"));
        files.put("palette.png", TestImages.encode(palette(alpha), "png"));
        files.put("photo.gif", TestImages.encode(photo, "gif"));
        files.put("photo.bmp", TestImages.encode(photo, "bmp"));
        files.put("photo.tiff", TestImages.encode(photo, "tiff"));
        files.put("lossy.webp", NativePixels.encode(photo, ".webp", opencv_imgcodecs.IMWRITE_WEBP_QUALITY, 90));
        files.put("lossless.webp", NativePixels.encode(photo, ".webp", opencv_imgcodecs.IMWRITE_WEBP_QUALITY, 101));
        files.put("alpha.webp", NativePixels.encode(alpha, ".webp", opencv_imgcodecs.IMWRITE_WEBP_QUALITY, 90));
        return files;
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        return jpeg(new IIOImage(image, null, null), quality);
    }

    /** ImageIO's JPEG writer at a quality (0–1), or its default when negative. */
    private static byte[] jpeg(IIOImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality >= 0) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static BufferedImage grey(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(image, 0, 0, null);
        return grey;
    }

    /** 16 bits per sample, grey (1 band) or RGB (3 bands): each 8-bit value v as v·257. */
    static BufferedImage sixteenBit(BufferedImage image, int bands) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorSpace space = ColorSpace.getInstance(bands == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(w, h);
        int[] sample = new int[bands];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                if (bands == 1) {
                    sample[0] = ((p >> 16 & 0xFF) * 299 + (p >> 8 & 0xFF) * 587 + (p & 0xFF) * 114) / 1000 * 257;
                } else {
                    sample[0] = (p >> 16 & 0xFF) * 257;
                    sample[1] = (p >> 8 & 0xFF) * 257;
                    sample[2] = (p & 0xFF) * 257;
                }
                raster.setPixel(x, y, sample);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** 256 colours, with transparent entries where the source is mostly transparent. */
    static BufferedImage palette(BufferedImage argb) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        byte[] a = new byte[256];
        for (int i = 0; i < 256; i++) { // 6×7×6 colour cube, entry 255 transparent
            r[i] = (byte) (i % 6 * 51);
            g[i] = (byte) (i / 6 % 7 * 42);
            b[i] = (byte) (i / 42 % 6 * 51);
            a[i] = (byte) (i == 255 ? 0 : 255);
        }
        IndexColorModel model = new IndexColorModel(8, 256, r, g, b, a);
        BufferedImage indexed = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, model);
        for (int y = 0; y < argb.getHeight(); y++) {
            for (int x = 0; x < argb.getWidth(); x++) {
                int p = argb.getRGB(x, y);
                int index = (p >>> 24) < 128 ? 255 : Math.min(251, (p >> 16 & 0xFF) / 51 + (p >> 8 & 0xFF) / 42 * 6 + (p & 0xFF) / 51 * 42);
                indexed.getRaster().setSample(x, y, 0, index);
            }
        }
        return indexed;
    }

    /** A CMYK JPEG as Photoshop writes them: an Adobe APP14 segment (transform 0) and inverted samples (255: no ink). */
    static byte[] cmykJpeg(BufferedImage photo) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, photo.getWidth(), photo.getHeight(), 4, null);
        int[] cmyk = new int[4];
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                int p = photo.getRGB(x, y);
                int k = 255 - Math.max(p >> 16 & 0xFF, Math.max(p >> 8 & 0xFF, p & 0xFF));
                for (int c = 0; c < 3; c++) {
                    int v = p >> (16 - 8 * c) & 0xFF;
                    cmyk[c] = k == 255 ? 255 : 255 - (255 - v - k) * 255 / (255 - k); // inverted ink
                }
                cmyk[3] = 255 - k;
                raster.setPixel(x, y, cmyk);
            }
        }
        byte[] plain = jpeg(new IIOImage(raster, null, null), -1);
        ByteArrayOutputStream adobe = new ByteArrayOutputStream();
        adobe.write(plain, 0, 2); // SOI
        adobe.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0});
        adobe.write(plain, 2, plain.length - 2);
        return adobe.toByteArray();
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
