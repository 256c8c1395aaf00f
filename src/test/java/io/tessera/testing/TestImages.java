package io.tessera.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real images made in memory for tests, and the hostile inputs the brief lists. */
public final class TestImages {
    private TestImages() {}

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** A JPEG of random pixels: big for its size (about a byte per pixel), so uploads take several chunks. */
    public static byte[] noisyJpeg(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return encode(image, "jpeg");
    }

    /** The first half of a real JPEG: a header that reads fine, and no end. */
    public static byte[] truncatedJpeg() {
        byte[] whole = jpeg(400, 300);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    public static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new java.util.Random(seed).nextBytes(bytes);
        bytes[0] = 0x42; // never accidentally a magic number
        return bytes;
    }

    /** A decompression bomb: a valid PNG signature and IHDR claiming width × height, then a token IDAT and IEND. */
    public static byte[] pngClaiming(int width, int height) {
        return pngOf(width, height, new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    }

    /**
     * A large file that passes the upload's content check (a PNG signature, a 64×64 header, an end chunk) with
     * {@code bytes} of random data between: what takes an upload long enough to be caught in the middle.
     */
    public static byte[] bulkyPng(int bytes, long seed) {
        byte[] data = new byte[bytes];
        new java.util.Random(seed).nextBytes(data);
        return pngOf(64, 64, data);
    }

    private static byte[] pngOf(int width, int height, byte[] idat) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.length + 64);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Writes one PNG chunk: length, type, data, CRC. */
    public static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A JPEG with an EXIF block: make, model, orientation, date taken and a GPS position. */
    public static byte[] jpegWithExif(int width, int height, String make, String model, int orientation, String dateTaken) {
        byte[] plain = jpeg(width, height);
        byte[] tiff = ExifBlock.tiff(make, model, orientation, dateTaken);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + 6 + tiff.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }
}
