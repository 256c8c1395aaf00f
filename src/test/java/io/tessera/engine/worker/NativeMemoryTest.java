package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.images.ImageLimits;
import io.tessera.testing.JvmProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native memory is released as each image ends, not by the garbage collector: good images through six pipelines,
 * corrupt ones and failing ops leave JavaCPP's tracked bytes where they were, and in a JVM where the collector frees
 * no native memory at all, 300 of them leave the resident size flat. The codecs' stderr lines end in the log.
 */
class NativeMemoryTest {
    private static final int IMAGES = 300;

    @Test
    void trackedNativeBytesReturnToTheirStartingLevel() throws Exception {
        List<byte[]> inputs = NativeSoak.inputs();
        try (ImageProcessor processor = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofSeconds(60))) {
            NativeSoak.run(processor, inputs, 12);
            System.gc(); // only to settle what earlier tests left; what follows must not need it
            Thread.sleep(200);
            Pointer.deallocateReferences();
            long bytes = Pointer.totalBytes();
            long count = Pointer.totalCount();
            NativeSoak.run(processor, inputs, 120);
            assertEquals(bytes, Pointer.totalBytes(), "JavaCPP's tracked native bytes");
            assertEquals(count, Pointer.totalCount(), "JavaCPP's tracked native objects");
        }
    }

    @Test
    void hundredsOfImagesLeaveTheResidentSizeFlatWithoutTheGarbageCollector(@TempDir Path home) throws Exception {
        try (JvmProcess soak = JvmProcess.main(home, List.of("-Xmx256m", "-Dorg.bytedeco.javacpp.nopointergc=true"),
                NativeSoak.class.getName(), String.valueOf(IMAGES))) {
            String line = soak.awaitLine("SOAK ", Duration.ofSeconds(240));
            Map<String, Long> figures = figures(line);
            assertEquals(IMAGES + NativeSoak.WARM_UP, figures.get("images"));
            long grown = figures.get("residentAfter") - figures.get("residentBefore");
            // one leaked 1200×900 decode per image would be over 900 MB here (a leak of the intermediates measured 829 MB)
            assertTrue(grown < 96L << 20, "resident size grew by " + (grown >> 20) + " MB over " + IMAGES + " images: " + line);

            assertTrue(soak.process().waitFor(30, TimeUnit.SECONDS));
            List<String> output = soak.output();
            assertTrue(output.contains("plain stderr still shows"), "other stderr output passes: " + output);
            List<String> chatter = output.stream().filter(l -> l.startsWith("libpng") || l.startsWith("Corrupt JPEG") || l.startsWith("[ WARN")
                    || l.startsWith("[ERROR")).toList();
            assertEquals(List.of(), chatter, "codec messages on the terminal");
            String log = Files.readString(home.resolve("logs/tessera.log"));
            assertTrue(log.contains("codec: libpng warning: iCCP") && log.contains("codec: Corrupt JPEG data"), "the codec messages went to the log");
        }
    }

    private static Map<String, Long> figures(String line) {
        Matcher m = Pattern.compile("(\\w+)=(\\d+)").matcher(line);
        return m.results().collect(Collectors.toMap(r -> r.group(1), r -> Long.parseLong(r.group(2))));
    }
}
