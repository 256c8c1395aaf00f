package io.tessera.engine.upload;

import static io.tessera.engine.upload.UploadTesting.filesUnder;
import static io.tessera.engine.upload.UploadTesting.folder;
import static io.tessera.engine.upload.UploadTesting.read;
import static io.tessera.engine.upload.UploadTesting.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names at upload, on the embedded HDFS: hidden, invisible and over-long names refused before a byte is sent; NFC throughout. */
class UploadNamesIT {
    private static final String NFC = "caf\u00E9.jpg";
    private static final String NFD = "cafe\u0301.jpg";

    private final Uploader uploader = new Uploader(UploadTesting.connection());
    private final byte[] jpeg = TestImages.jpeg(30, 20);
    @TempDir Path local;

    @Test
    void namesJobsWouldLeaveOutAreRefusedSayingWhyAndNothingOfThemLands() throws Exception {
        Path drop = Files.createDirectories(local.resolve("drop/.thumbnails"));
        Files.write(drop.resolve("a.jpg"), jpeg);
        Files.write(local.resolve("drop/..%2F..%2Fescape.jpg"), jpeg);
        Files.write(local.resolve("drop/_MG_0001.jpg"), jpeg);
        Files.write(local.resolve("drop/ok.jpg"), jpeg);
        String target = folder();
        UploadSummary summary = uploader.start(UploadRequest.of(List.of(local.resolve("drop")), target, ConflictPolicy.SKIP, 2),
                UploadListener.NONE, ConflictResolver.SKIP_ALL).await(UploadTesting.TIMEOUT);

        assertEquals("hidden name \"..%2F..%2Fescape.jpg\": jobs leave out names starting with '.'; rename it to upload it",
                reason(summary, "drop/..%2F..%2Fescape.jpg"));
        assertEquals("hidden folder \".thumbnails\": jobs leave out names starting with '.'; rename it to upload it", reason(summary, "drop/.thumbnails/a.jpg"));
        assertEquals(2, summary.count(FileOutcome.Status.REFUSED));
        // a camera's _MG_ name is a photo, not a hidden file: jobs take it, so the upload does too
        assertEquals(Map.of("drop/ok.jpg", jpeg.length, "drop/_MG_0001.jpg", jpeg.length), filesUnder(target));
    }

    @Test
    void controlBidiAndZeroWidthCharactersAreRefusedNamingTheCharacter() throws Exception {
        Path photo = Files.write(local.resolve("p.jpg"), jpeg);
        String target = folder();
        UploadSummary summary = run(uploader, List.of(new UploadItem(photo, "invoice\u202Egpj.exe.jpg"), new UploadItem(photo, "a\u200Bb.jpg"),
                new UploadItem(photo, "set\u2066/c.jpg"), new UploadItem(photo, "bell\u0007.jpg"), new UploadItem(photo, "bom\uFEFF.jpg")),
                target, ConflictPolicy.SKIP, ConflictResolver.SKIP_ALL);

        assertEquals("name contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that reorders the text around it: \"invoice<U+202E>gpj.exe.jpg\"",
                summary.outcomes().get(0).reason());
        assertTrue(summary.outcomes().get(1).reason().startsWith("name contains U+200B ZERO WIDTH SPACE, a zero-width character"), summary.outcomes().get(1).reason());
        assertTrue(summary.outcomes().get(2).reason().startsWith("name contains U+2066 LEFT-TO-RIGHT ISOLATE"), summary.outcomes().get(2).reason());
        assertTrue(summary.outcomes().get(3).reason().startsWith("name contains U+0007 "), summary.outcomes().get(3).reason());
        assertTrue(summary.outcomes().get(4).reason().startsWith("name contains U+FEFF ZERO WIDTH NO-BREAK SPACE"), summary.outcomes().get(4).reason());
        for (FileOutcome outcome : summary.outcomes()) {
            assertEquals(FileOutcome.Status.REFUSED, outcome.status());
            assertTrue(outcome.reason().codePoints().allMatch(c -> c >= 0x20 && c < 0x2000), "printed raw: " + outcome.reason());
        }
        assertFalse(UploadTesting.fs().exists(new org.apache.hadoop.fs.Path(target)), "not even a folder was made");
    }

    @Test
    void theDecomposedAndComposedFormsOfANameAreOneNameAndClash() throws Exception {
        Path first = Files.write(local.resolve("1.jpg"), jpeg);
        byte[] other = TestImages.jpeg(40, 40);
        Path second = Files.write(local.resolve("2.jpg"), other);
        String target = folder();

        FileOutcome landed = run(uploader, List.of(new UploadItem(first, NFD)), target, ConflictPolicy.SKIP, ConflictResolver.SKIP_ALL).outcomes().getFirst();
        assertEquals(target + "/" + NFC, landed.targetPath(), "stored under the composed (NFC) form");
        assertEquals(Map.of(NFC, jpeg.length), filesUnder(target));
        assertEquals(FileOutcome.Status.SKIPPED, run(uploader, List.of(new UploadItem(second, NFC)), target, ConflictPolicy.SKIP,
                ConflictResolver.SKIP_ALL).outcomes().getFirst().status());

        UploadSummary both = run(uploader, List.of(new UploadItem(first, "x" + NFD), new UploadItem(second, "x" + NFC)), target,
                ConflictPolicy.KEEP_BOTH, ConflictResolver.SKIP_ALL);
        assertTrue(both.allGood(), both.outcomes().toString());
        assertEquals(Map.of(NFC, jpeg.length, "x" + NFC, jpeg.length, "xcaf\u00E9 (1).jpg", other.length), filesUnder(target),
                "two files of one request with one name in two forms: the second is a clash");
    }

    @Test
    void aNameAlreadyStoredInItsDecomposedFormIsAClashToAskAbout() throws Exception {
        String target = folder();
        String stored = UploadTesting.plant(target + "/" + NFD, jpeg, System.currentTimeMillis()); // written by another tool, or before names were NFC
        UploadTesting.plant(target + "/Cafe\u0301 set/old.jpg", jpeg, System.currentTimeMillis());
        byte[] newer = TestImages.jpeg(50, 50);
        Path file = Files.write(local.resolve("n.jpg"), newer);
        List<String> asked = new CopyOnWriteArrayList<>();
        ConflictResolver keepBoth = (item, existing) -> {
            asked.add(existing);
            return ConflictPolicy.KEEP_BOTH;
        };

        FileOutcome kept = run(uploader, List.of(new UploadItem(file, NFC)), target, ConflictPolicy.ASK, keepBoth).outcomes().getFirst();
        assertEquals(List.of(stored), asked, "asked, naming what holds the name");
        assertEquals(target + "/caf\u00E9 (1).jpg", kept.targetPath());

        FileOutcome replaced = run(uploader, List.of(new UploadItem(file, NFC)), target, ConflictPolicy.ASK, (item, existing) -> ConflictPolicy.OVERWRITE)
                .outcomes().getFirst();
        assertEquals(FileOutcome.Status.UPLOADED, replaced.status());
        assertEquals(target + "/" + NFC, replaced.targetPath());
        assertArrayEquals(newer, read(target + "/" + NFC));

        FileOutcome intoFolder = run(uploader, List.of(new UploadItem(file, "Caf\u00E9 set/new.jpg")), target, ConflictPolicy.SKIP,
                ConflictResolver.SKIP_ALL).outcomes().getFirst();
        assertEquals(target + "/Cafe\u0301 set/new.jpg", intoFolder.targetPath(), "into the folder already there, not a look-alike beside it");
        assertEquals(Map.of(NFC, newer.length, "caf\u00E9 (1).jpg", newer.length, "Cafe\u0301 set/old.jpg", jpeg.length,
                "Cafe\u0301 set/new.jpg", newer.length), filesUnder(target), "overwriting replaced the decomposed name: one file, not two");
    }

    @Test
    void namesUpTo255BytesLandAndLongerOnesAreRefusedBeforeAnyByteIsSent() throws Exception {
        Path photo = Files.write(local.resolve("p.jpg"), jpeg);
        String target = folder();
        String longest = "n".repeat(251) + ".jpg";
        String cjk = "日".repeat(75) + ".jpg"; // 229 bytes: within the range that used to fail on the temporary's length
        String over = "日".repeat(84) + ".jpg"; // 256 bytes in 88 characters
        UploadSummary summary = run(uploader, List.of(new UploadItem(photo, longest), new UploadItem(photo, cjk), new UploadItem(photo, over),
                new UploadItem(photo, "n".repeat(256) + "/a.jpg")), target, ConflictPolicy.SKIP, ConflictResolver.SKIP_ALL);

        assertEquals(FileOutcome.Status.UPLOADED, summary.outcomes().get(0).status(), summary.outcomes().get(0).toString());
        assertEquals(FileOutcome.Status.UPLOADED, summary.outcomes().get(1).status(), summary.outcomes().get(1).toString());
        assertEquals(FileOutcome.Status.REFUSED, summary.outcomes().get(2).status());
        assertTrue(summary.outcomes().get(2).reason().startsWith("name too long: 256 bytes in UTF-8, HDFS takes at most 255 per name: \"日日日"),
                summary.outcomes().get(2).reason());
        assertTrue(summary.outcomes().get(3).reason().startsWith("name too long: 256 bytes"), "a folder's name too");
        assertEquals(Map.of(longest, jpeg.length, cjk, jpeg.length), filesUnder(target), "no temporary, no half file");

        // keeping both adds " (1)": 4 bytes more than the name
        String fits = "k".repeat(247) + ".jpg"; // 251 + 4 = 255
        run(uploader, List.of(new UploadItem(photo, fits)), target, ConflictPolicy.SKIP, ConflictResolver.SKIP_ALL);
        FileOutcome kept = run(uploader, List.of(new UploadItem(photo, fits)), target, ConflictPolicy.KEEP_BOTH, ConflictResolver.SKIP_ALL).outcomes().getFirst();
        assertEquals(target + "/" + "k".repeat(247) + " (1).jpg", kept.targetPath());
        FileOutcome refused = run(uploader, List.of(new UploadItem(photo, longest)), target, ConflictPolicy.KEEP_BOTH, ConflictResolver.SKIP_ALL)
                .outcomes().getFirst();
        assertEquals(FileOutcome.Status.REFUSED, refused.status());
        assertTrue(refused.reason().startsWith("cannot keep both: name too long: 259 bytes in UTF-8"), refused.reason());
        assertEquals(4, filesUnder(target).size(), filesUnder(target).toString());
    }

    private static String reason(UploadSummary summary, String relative) {
        return summary.outcomes().stream().filter(o -> o.item().relativeTarget().equals(relative)).findFirst().orElseThrow().reason();
    }
}
