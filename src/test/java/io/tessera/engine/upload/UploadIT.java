package io.tessera.engine.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads to the embedded HDFS, hostile inputs included: good files land whole, bad ones are refused with reasons. */
class UploadIT {
    private static final Duration TIMEOUT = UploadTesting.TIMEOUT;
    private final Uploader uploader = new Uploader(UploadTesting.connection());

    @TempDir
    Path local;

    /** Found in the live console: "/" + "/" + name made "//name", which Hadoop reads as a host name. */
    @Test
    void aFileUploadedIntoTheRootFolderLandsThere() throws Exception {
        String name = "root-upload-" + java.util.UUID.randomUUID() + ".jpg";
        Path photo = write(name, TestImages.jpeg(20, 20));
        UploadSummary summary = uploader.start(UploadRequest.of(List.of(photo), "/", ConflictPolicy.SKIP, 1),
                UploadListener.NONE, ConflictResolver.SKIP_ALL).await(TIMEOUT);
        assertTrue(summary.allGood(), summary.outcomes().toString());
        FileSystem fs = UploadTesting.fs();
        assertTrue(fs.delete(new org.apache.hadoop.fs.Path("/" + name), false), "landed at /" + name);
    }

    @Test
    void goodFilesLandAndHostileOnesAreRefusedWithReasons() throws Exception {
        byte[] jpeg = TestImages.jpeg(320, 200);
        byte[] png = TestImages.png(40, 30);
        Path good = write("good.jpg", jpeg);
        Path unicode = write("with space é 日本.png", png);
        Path album = local.resolve("album");
        Files.createDirectories(album.resolve("day 1"));
        Files.write(album.resolve("day 1/x.jpg"), jpeg);
        write("empty.jpg", new byte[0]);
        write("truncated.jpg", TestImages.truncatedJpeg());
        write("random.jpg", TestImages.randomBytes(4096, 11));
        write("text.png", "this is not a picture".getBytes(StandardCharsets.UTF_8));
        write("bomb.png", TestImages.pngClaiming(60_000, 60_000));

        List<Path> sources = new ArrayList<>(List.of(good, unicode, album));
        for (String name : List.of("empty.jpg", "truncated.jpg", "random.jpg", "text.png", "bomb.png")) {
            sources.add(local.resolve(name));
        }
        UploadRequest dropped = UploadRequest.of(sources, folder(), ConflictPolicy.SKIP, 3);
        List<UploadItem> items = new ArrayList<>(dropped.items());
        items.add(new UploadItem(good, "../escape.jpg"));
        items.add(new UploadItem(good, "/absolute.jpg"));
        items.add(new UploadItem(good, "a\\b.jpg"));
        items.add(new UploadItem(good, "album/../../up.jpg"));
        UploadRequest request = new UploadRequest(items, dropped.targetFolder(), ConflictPolicy.SKIP, 3);

        List<UploadProgress> progress = new CopyOnWriteArrayList<>();
        UploadSummary summary = uploader.start(request, new UploadListener() {
            @Override
            public void progress(UploadProgress p) {
                progress.add(p);
            }
        }, ConflictResolver.SKIP_ALL).await(TIMEOUT);

        Map<String, FileOutcome> byTarget = summary.outcomes().stream()
                .collect(Collectors.toMap(FileOutcome::targetPath, Function.identity(), (a, b) -> a, TreeMap::new));
        String t = request.targetFolder();
        assertEquals(FileOutcome.Status.UPLOADED, byTarget.get(t + "/good.jpg").status());
        assertEquals(FileOutcome.Status.UPLOADED, byTarget.get(t + "/with space é 日本.png").status());
        assertEquals(FileOutcome.Status.UPLOADED, byTarget.get(t + "/album/day 1/x.jpg").status());
        assertEquals("empty file", byTarget.get(t + "/empty.jpg").reason());
        assertTrue(byTarget.get(t + "/truncated.jpg").reason().startsWith("truncated JPEG"));
        assertTrue(byTarget.get(t + "/random.jpg").reason().startsWith("not an image"));
        assertTrue(byTarget.get(t + "/text.png").reason().startsWith("not an image"));
        assertTrue(byTarget.get(t + "/bomb.png").reason().contains("60000×60000"));
        assertTrue(byTarget.get(t + "/../escape.jpg").reason().contains("leave the target folder"));
        assertTrue(byTarget.get(t + "//absolute.jpg").reason().startsWith("absolute path refused"));
        assertTrue(byTarget.get(t + "/a\\b.jpg").reason().contains("separator"));
        assertEquals(3, summary.count(FileOutcome.Status.UPLOADED));
        assertEquals(9, summary.count(FileOutcome.Status.REFUSED));
        assertFalse(summary.allGood());

        assertEquals(Map.of("good.jpg", jpeg.length, "with space é 日本.png", png.length, "album/day 1/x.jpg", jpeg.length), filesUnder(t));
        assertArrayEquals(png, new HdfsBrowser(UploadTesting.connection()).read(t + "/with space é 日本.png", 1 << 20));
        UploadProgress last = progress.getLast();
        assertEquals(12, last.filesDone());
        assertEquals(last.bytesTotal(), last.bytesDone());
    }

    @Test
    void cancellingMidFileLeavesNoTemporaryOrHalfFiles() throws Exception {
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sources.add(write("noise-" + i + ".jpg", TestImages.noisyJpeg(700, 700, i)));
        }
        assertTrue(Files.size(sources.getFirst()) > 3 * 64 * 1024, "needs several chunks per file");
        UploadRequest request = UploadRequest.of(sources, folder(), ConflictPolicy.SKIP, 2);
        CountDownLatch midFile = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        UploadJob job = uploader.start(request, new UploadListener() {
            @Override
            public void fileProgress(UploadItem item, long written, long size) {
                if (written < size) {
                    midFile.countDown();
                    UploadTesting.await(cancelled);
                }
            }
        }, ConflictResolver.SKIP_ALL);
        assertTrue(midFile.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        job.cancel();
        cancelled.countDown();
        UploadSummary summary = job.await(TIMEOUT);

        assertTrue(summary.cancelled());
        assertTrue(summary.count(FileOutcome.Status.CANCELLED) >= 5, summary.outcomes().toString());
        Map<String, Integer> left = filesUnder(request.targetFolder());
        assertTrue(left.keySet().stream().noneMatch(n -> TemporaryNames.isTemporary(n.substring(n.lastIndexOf('/') + 1))), left.toString());
        for (var entry : left.entrySet()) {
            assertEquals((int) Files.size(local.resolve(entry.getKey())), entry.getValue(), "a half file is visible: " + entry.getKey());
        }
    }

    @Test
    void aCancelJustBeforeTheFirstByteNeitherPublishesNorOverwrites() throws Exception {
        String target = folder();
        byte[] original = TestImages.jpeg(10, 10);
        uploadOne("a.jpg", original, target, ConflictPolicy.SKIP, null);
        Path replacement = write("a.jpg", TestImages.jpeg(30, 30));
        java.util.concurrent.CompletableFuture<UploadJob> job = new java.util.concurrent.CompletableFuture<>();
        UploadRequest request = UploadRequest.of(List.of(replacement), target, ConflictPolicy.ASK, 1);
        job.complete(uploader.start(request, UploadListener.NONE, (item, existing) -> {
            job.join().cancel(); // the operator cancels while the clash dialog is open, then answers
            return ConflictPolicy.OVERWRITE;
        }));
        UploadSummary summary = job.join().await(TIMEOUT);
        assertEquals(FileOutcome.Status.CANCELLED, summary.outcomes().getFirst().status());
        assertEquals(Map.of("a.jpg", original.length), filesUnder(target));
        assertArrayEquals(original, new HdfsBrowser(UploadTesting.connection()).read(target + "/a.jpg", 1 << 20));
    }

    @Test
    void nameClashesAreSkippedOverwrittenKeptOrAsked() throws Exception {
        String target = folder();
        byte[] first = TestImages.jpeg(10, 10);
        byte[] second = TestImages.jpeg(20, 20);
        HdfsBrowser browser = new HdfsBrowser(UploadTesting.connection());
        assertEquals(FileOutcome.Status.UPLOADED, uploadOne("a.jpg", first, target, ConflictPolicy.SKIP, null).status());

        assertEquals(FileOutcome.Status.SKIPPED, uploadOne("a.jpg", second, target, ConflictPolicy.SKIP, null).status());
        assertArrayEquals(first, browser.read(target + "/a.jpg", 1 << 20));

        assertEquals(FileOutcome.Status.UPLOADED, uploadOne("a.jpg", second, target, ConflictPolicy.OVERWRITE, null).status());
        assertArrayEquals(second, browser.read(target + "/a.jpg", 1 << 20));

        FileOutcome kept = uploadOne("a.jpg", first, target, ConflictPolicy.KEEP_BOTH, null);
        assertEquals(target + "/a (1).jpg", kept.targetPath());
        assertArrayEquals(first, browser.read(target + "/a (1).jpg", 1 << 20));

        List<String> asked = new CopyOnWriteArrayList<>();
        FileOutcome answered = uploadOne("a.jpg", first, target, ConflictPolicy.ASK, (item, existing) -> {
            asked.add(existing);
            return ConflictPolicy.KEEP_BOTH;
        });
        assertEquals(List.of(target + "/a.jpg"), asked);
        assertEquals(target + "/a (2).jpg", answered.targetPath());
        assertEquals(Map.of("a.jpg", second.length, "a (1).jpg", first.length, "a (2).jpg", first.length), filesUnder(target));
    }

    private FileOutcome uploadOne(String name, byte[] content, String target, ConflictPolicy policy, ConflictResolver resolver) throws Exception {
        Path dir = Files.createDirectories(local.resolve(UUID.randomUUID().toString()));
        Path file = Files.write(dir.resolve(name), content);
        UploadRequest request = UploadRequest.of(List.of(file), target, policy, 1);
        return uploader.start(request, UploadListener.NONE, resolver == null ? ConflictResolver.SKIP_ALL : resolver).await(TIMEOUT).outcomes().getFirst();
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(local.resolve(name), bytes);
    }

    private static String folder() {
        return UploadTesting.folder();
    }

    private static Map<String, Integer> filesUnder(String folder) throws Exception {
        return UploadTesting.filesUnder(folder);
    }
}
