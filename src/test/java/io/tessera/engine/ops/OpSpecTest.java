package io.tessera.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Specs parse to canonical ops, errors read well, and pipelines survive JSON. */
class OpSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"thumbnail:256", "resize:w=800", "resize:h=600", "resize:w=80,h=60", "resize:scale=0.5,filter=fast",
            "crop:x=0,y=0,w=100,h=100", "rotate:90", "rotate:270", "flip:h", "flip:v", "auto-orient", "grayscale", "blur:2.5",
            "sharpen", "sharpen:2.0", "edges", "dhash", "stats", "stats:bins=8", "exif", "sleep:ms=20", "spin:ms=5"})
    void canonicalSpecsRoundTrip(String spec) {
        assertEquals(spec, OpSpec.parse(spec).spec());
        assertEquals(OpSpec.parse(spec), OpSpec.parse(OpSpec.parse(spec).spec()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|an empty op",
            "frobnicate|unknown op 'frobnicate'; known ops: thumbnail",
            "thumbnail|thumbnail needs a box size",
            "thumbnail:0|the box size must be between 1 and 20000, not 0",
            "thumbnail:big|the box size must be a whole number, not 'big'",
            "resize|resize needs w=, h= or scale=",
            "resize:w=10,scale=2|give either scale or w/h, not both",
            "resize:width=10|unknown argument 'width'; it takes w, h, scale, filter",
            "resize:w=10,filter=nice|filter must be fast, smooth or quality",
            "resize:w=10,w=20|'w' is given twice",
            "rotate:45|the angle must be 90, 180 or 270, not 45",
            "flip:x|flip: give h or v",
            "blur:0|the radius must be between 0.1 and 50.0",
            "blur:-1|the radius must be between",
            "crop:x=0,y=0,w=10|crop needs h=",
            "grayscale:3|grayscale: unexpected value '3'",
            "format:png|is the pipeline's output format",
            "sleep|a time, e.g. sleep:ms=20",
            "spin:ms=0|the milliseconds must be between 1 and 60000",
            "sleep:seconds=2|unknown argument 'seconds'"})
    void badSpecsSayWhatIsWrong(String spec, String message) {
        OpSpecException error = assertThrows(OpSpecException.class, () -> OpSpec.parse(spec));
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @Test
    void pipelineTakesItsFormatFromFormatSpecsAndRoundTripsThroughJson() {
        Pipeline pipeline = Pipeline.parse(List.of("thumbnail:256", "grayscale", "format:jpeg,q=0.7"), null);
        assertEquals(List.of("thumbnail:256", "grayscale"), pipeline.specs());
        assertEquals(new OutputFormat(OutputFormat.Kind.JPEG, 0.7), pipeline.format());
        assertEquals(java.util.Optional.of(new io.tessera.engine.images.Dimensions(256, 128)),
                pipeline.shrinkTarget().forSource(new io.tessera.engine.images.Dimensions(4000, 2000)));
        assertEquals(java.util.Optional.empty(), Pipeline.parse(List.of("resize:scale=0.1"), null).shrinkTarget()
                .forSource(new io.tessera.engine.images.Dimensions(4000, 2000)), "a scale keeps full resolution");
        assertEquals(java.util.Optional.empty(), Pipeline.parse(List.of("crop:x=0,y=0,w=10,h=10", "thumbnail:64"), null).shrinkTarget()
                .forSource(new io.tessera.engine.images.Dimensions(4000, 2000)), "a crop first needs every pixel");
        assertEquals("thumbnail-256_grayscale", pipeline.chainName());
        assertEquals("{\"ops\":[\"thumbnail:256\",\"grayscale\"],\"format\":\"jpeg,q=0.7\"}", pipeline.toJson());
        assertEquals(pipeline, Pipeline.fromJson(pipeline.toJson()));
        assertEquals(OutputFormat.PNG, Pipeline.parse(List.of("edges"), "png").format());
    }

    @Test
    void badPipelinesAreRefusedWithTheOpsReason() {
        assertTrue(assertThrows(OpSpecException.class, () -> Pipeline.parse(List.of(), "png")).getMessage().contains("at least one op"));
        assertTrue(assertThrows(OpSpecException.class, () -> Pipeline.fromJson("{\"ops\":[\"rotate:45\"]}")).getMessage().contains("90, 180 or 270"));
        assertTrue(assertThrows(OpSpecException.class, () -> Pipeline.fromJson("{\"ops\":[\"edges\"],\"format\":\"avif\"}")).getMessage().contains("unknown format 'avif'"));
        assertTrue(assertThrows(OpSpecException.class, () -> OutputFormat.parse("png,q=0.5")).getMessage().contains("jpeg and webp only"));
        assertTrue(assertThrows(OpSpecException.class, () -> OutputFormat.parse("jpeg,level=3")).getMessage().contains("png only"));
        assertTrue(assertThrows(OpSpecException.class, () -> OutputFormat.parse("png,level=10")).getMessage().contains("between 0 and 9"));
        assertTrue(assertThrows(OpSpecException.class, () -> Pipeline.fromJson("nonsense")).getMessage().startsWith("not a pipeline"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "jpeg,q=0.5", "png", "png,level=9", "webp", "webp,q=0.3", "bmp", "tiff", "gif"})
    void formatSpecsRoundTrip(String spec) {
        assertEquals(spec, OutputFormat.parse(spec).spec());
        assertEquals(OutputFormat.parse(spec), OutputFormat.parse(OutputFormat.parse(spec).spec()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "webp", "bmp", "tiff", "gif"})
    void everyOutputFormatWritesSomethingImageIoReadsBack(String format) throws Exception {
        BufferedImage argb = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(3, 3, 0x80FF0000);
        byte[] bytes;
        try (io.tessera.engine.images.NativeImage image = io.tessera.testing.NativePixels.of(argb)) {
            bytes = OutputFormat.parse(format).encode(image);
        }
        BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        assertEquals(30, back.getWidth());
        assertEquals(20, back.getHeight());
    }
}
