package io.tessera.engine.bench;

import io.tessera.engine.images.DecodeResult;
import io.tessera.engine.images.ImageFormat;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.NativeDecoder;
import io.tessera.engine.images.NativeEncoder;
import io.tessera.engine.images.NativeImage;
import io.tessera.engine.images.ShrinkTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;

/**
 * The image benchmarks' sets from a local folder of photos, by content (not by name): JPEG only, PNG only, and a mixed
 * set of JPEG, PNG and WebP. When the folder holds no WebP, the mixed set is made of the JPEGs and PNGs with every
 * third of them replaced by a WebP copy of itself, encoded once per run by the engine (lossy, quality 85) into a
 * scratch folder; when it does, the mixed set is every JPEG, PNG and WebP it holds.
 */
public final class BenchSets {
    /** Quality of the WebP copies (libwebp's scale, as cwebp's default is 75 and the engine's 85). */
    static final int WEBP_QUALITY = 85;

    private BenchSets() {}

    /** A file's format from its first bytes. */
    static Optional<ImageFormat> formatOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ImageFormat.sniff(in.readNBytes(ImageFormat.SNIFF_BYTES));
        }
    }

    /**
     * @param files   the corpus, in order
     * @param scratch where WebP copies go when the corpus has none (created if missing)
     * @return JPEG, PNG and mixed sets, leaving out a set with no files
     */
    public static List<BenchSet> of(List<Path> files, Path scratch) throws IOException {
        Map<ImageFormat, List<Path>> byFormat = new EnumMap<>(ImageFormat.class);
        for (Path file : files) {
            formatOf(file).ifPresent(f -> byFormat.computeIfAbsent(f, k -> new ArrayList<>()).add(file));
        }
        List<Path> jpegs = byFormat.getOrDefault(ImageFormat.JPEG, List.of());
        List<Path> pngs = byFormat.getOrDefault(ImageFormat.PNG, List.of());
        List<Path> webps = byFormat.getOrDefault(ImageFormat.WEBP, List.of());
        List<BenchSet> sets = new ArrayList<>();
        if (!jpegs.isEmpty()) {
            sets.add(new BenchSet("jpeg", jpegs, jpegs.size() + " JPEG"));
        }
        if (!pngs.isEmpty()) {
            sets.add(new BenchSet("png", pngs, pngs.size() + " PNG"));
        }
        if (!webps.isEmpty()) {
            List<Path> mixed = new ArrayList<>(jpegs);
            mixed.addAll(pngs);
            mixed.addAll(webps);
            sets.add(new BenchSet("mixed", mixed, jpegs.size() + " JPEG + " + pngs.size() + " PNG + " + webps.size() + " WebP from the corpus"));
        } else if (jpegs.size() + pngs.size() >= 3) {
            sets.add(withWebpCopies(jpegs, pngs, scratch));
        }
        return sets;
    }

    /** JPEGs and PNGs alternating, every third replaced by a WebP copy of itself. */
    private static BenchSet withWebpCopies(List<Path> jpegs, List<Path> pngs, Path scratch) throws IOException {
        List<Path> interleaved = new ArrayList<>();
        for (int i = 0; i < Math.max(jpegs.size(), pngs.size()); i++) {
            if (i < jpegs.size()) {
                interleaved.add(jpegs.get(i));
            }
            if (i < pngs.size()) {
                interleaved.add(pngs.get(i));
            }
        }
        Files.createDirectories(scratch);
        List<Path> mixed = new ArrayList<>();
        int jpeg = 0;
        int png = 0;
        int webp = 0;
        for (int i = 0; i < interleaved.size(); i++) {
            Path file = interleaved.get(i);
            if (i % 3 == 2) {
                mixed.add(webpCopy(file, scratch));
                webp++;
            } else {
                mixed.add(file);
                boolean isJpeg = jpegs.contains(file);
                jpeg += isJpeg ? 1 : 0;
                png += isJpeg ? 0 : 1;
            }
        }
        return new BenchSet("mixed", mixed, jpeg + " JPEG + " + png + " PNG + " + webp
                + " WebP (copies of every third JPEG/PNG, made for this run at quality " + WEBP_QUALITY + ")");
    }

    /** The photo whole, re-encoded as lossy WebP (alpha kept) under {@code <stem>-webp.webp}. */
    static Path webpCopy(Path photo, Path scratch) throws IOException {
        String name = photo.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path copy = scratch.resolve((dot > 0 ? name.substring(0, dot) : name) + "-webp.webp");
        try (PointerScope scope = new PointerScope()) {
            DecodeResult decoded = new NativeDecoder(ImageLimits.DEFAULT).decode(Files.readAllBytes(photo), ShrinkTarget.NONE);
            if (!(decoded instanceof DecodeResult.Decoded(NativeImage image, var header))) {
                throw new IOException("cannot make a WebP copy of " + photo + ": " + ((DecodeResult.Rejected) decoded).reason());
            }
            try (image) {
                Files.write(copy, NativeEncoder.webp(image, WEBP_QUALITY));
            }
        }
        return copy;
    }
}
