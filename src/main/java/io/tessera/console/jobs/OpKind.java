package io.tessera.console.jobs;

import java.util.List;

/**
 * The ops the pipeline builder offers (those of {@code engine.ops.OpSpec}), each with the fields of its form
 * and how they become a spec: the positional field as {@code name:value}, the others as {@code name:k=v,...};
 * blank fields are left out and the engine's parser says what is missing or wrong.
 */
public enum OpKind {
    THUMBNAIL("thumbnail", "Thumbnail", OpField.positional("Box size (px)", "256")),
    RESIZE("resize", "Resize", OpField.named("w", "Width (px)", ""), OpField.named("h", "Height (px)", ""),
            OpField.named("scale", "or scale", ""), OpField.choice("filter", "Filter", "quality", "fast", "smooth", "quality")),
    CROP("crop", "Crop", OpField.named("x", "Left", "0"), OpField.named("y", "Top", "0"),
            OpField.named("w", "Width (px)", ""), OpField.named("h", "Height (px)", "")),
    ROTATE("rotate", "Rotate", OpField.positionalChoice("Quarter turns clockwise", "90", "90", "180", "270")),
    FLIP("flip", "Flip", OpField.positionalChoice("Mirror", "h", "h", "v")),
    AUTO_ORIENT("auto-orient", "Auto-orient (EXIF)"),
    GRAYSCALE("grayscale", "Grayscale"),
    BLUR("blur", "Gaussian blur", OpField.positional("Radius σ (px, 0.1–50)", "2")),
    SHARPEN("sharpen", "Sharpen", OpField.positional("Amount (0.1–5)", "1")),
    EDGES("edges", "Sobel edges"),
    DHASH("dhash", "Perceptual hash (dHash)"),
    STATS("stats", "Colour statistics", OpField.named("bins", "Histogram bins (2–256)", "16")),
    EXIF("exif", "EXIF to JSON");

    private final String name;
    private final String title;
    private final List<OpField> fields;

    OpKind(String name, String title, OpField... fields) {
        this.name = name;
        this.title = title;
        this.fields = List.of(fields);
    }

    public String opName() {
        return name;
    }

    public String title() {
        return title;
    }

    public List<OpField> fields() {
        return fields;
    }

    /** The spec for these field values (in the order of {@link #fields()}). */
    String spec(List<String> values) {
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String value = values.get(i) == null ? "" : values.get(i).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (!args.isEmpty()) {
                args.append(',');
            }
            args.append(fields.get(i).key() == null ? value : fields.get(i).key() + "=" + value);
        }
        return args.isEmpty() ? name : name + ":" + args;
    }

    @Override
    public String toString() {
        return title;
    }

    /**
     * One input of an op's form: {@code key} null for the positional argument; {@code choices} non-empty for a
     * pick-one field.
     */
    public record OpField(String key, String label, String initial, List<String> choices) {
        static OpField positional(String label, String initial) {
            return new OpField(null, label, initial, List.of());
        }

        static OpField named(String key, String label, String initial) {
            return new OpField(key, label, initial, List.of());
        }

        static OpField choice(String key, String label, String initial, String... choices) {
            return new OpField(key, label, initial, List.of(choices));
        }

        static OpField positionalChoice(String label, String initial, String... choices) {
            return new OpField(null, label, initial, List.of(choices));
        }
    }
}
