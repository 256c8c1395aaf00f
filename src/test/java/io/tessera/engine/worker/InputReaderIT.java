package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** Inputs are read within the size cap, checked from the length HDFS gives on opening before a byte is read, then head first, then the rest. */
class InputReaderIT {

    @Test
    void aFileOverTheCapIsRefusedFromTheLengthHdfsGivesOnOpeningWithoutReadingAByte() throws Exception {
        try (ClusterConnection admin = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = admin.fileSystem();
            String file = "/it-input/" + UUID.randomUUID() + "/big.jpg";
            write(fs, file, TestImages.randomBytes(3 * 1024 * 1024, 3));
            InputReader reader = new InputReader(fs, InputReader.HeadCheck.NONE);

            long before = bytesReadByThisThread(fs);
            InputReader.Input.Refused refused = assertInstanceOf(InputReader.Input.Refused.class, reader.read(file, 2 * 1024 * 1024));
            assertEquals("too large: 3145728 bytes, over the largest input size of 2 MB (a profile setting)", refused.reason());
            assertEquals(0, bytesReadByThisThread(fs) - before, "not a byte read from the DataNode");

            readWhole(reader, file, 4 * 1024 * 1024);
            assertEquals(3 * 1024 * 1024, bytesReadByThisThread(fs) - before, "within the cap the whole file is read, and counted");
        }
    }

    /** What HDFS counts as read by the calling thread (the client counts a read on the thread that makes it). */
    @SuppressWarnings("deprecation") // the per-thread figures are only on the scheme's Statistics
    private static long bytesReadByThisThread(FileSystem fs) {
        return FileSystem.getStatistics(fs.getUri().getScheme(), fs.getClass()).getThreadStatistics().getBytesRead();
    }

    @Test
    void theHeadIsCheckedBeforeTheRestIsReadAndTheWholeFileComesBackIntact() throws Exception {
        try (ClusterConnection admin = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = admin.fileSystem();
            String folder = "/it-input/" + UUID.randomUUID();
            byte[] large = TestImages.randomBytes(200_000, 5);
            byte[] small = TestImages.randomBytes(1_000, 6);
            write(fs, folder + "/large.bin", large);
            write(fs, folder + "/small.bin", small);
            write(fs, folder + "/empty.bin", new byte[0]);
            AtomicInteger headSizes = new AtomicInteger();
            InputReader reader = new InputReader(fs, (head, length) -> {
                headSizes.addAndGet(head.length);
                return head.length > 0 && head[0] == large[0] && length == large.length ? Optional.of("refused by its header") : Optional.empty();
            });
            assertEquals(new InputReader.Input.Refused("refused by its header"), reader.read(folder + "/large.bin", 1 << 20));
            assertEquals(InputReader.HEAD_BYTES, headSizes.get(), "only the head was read for the check");

            InputReader plain = new InputReader(fs, InputReader.HeadCheck.NONE);
            assertArrayEquals(large, readWhole(plain, folder + "/large.bin", 1 << 20));
            assertArrayEquals(small, readWhole(plain, folder + "/small.bin", 1 << 20));
            assertArrayEquals(new byte[0], readWhole(plain, folder + "/empty.bin", 1 << 20));
            assertEquals(new InputReader.Input.Refused("not a file"), plain.read(folder, 1 << 20));
        }
    }

    @Test
    void theWorkersHeadCheckRefusesABombAndANonImageAfterTheHeadAlone() throws Exception {
        try (ClusterConnection admin = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = admin.fileSystem();
            String folder = "/it-input/" + UUID.randomUUID();
            // a bomb's header with megabytes behind it: refused from its IHDR, the rest never read
            byte[] bomb = java.util.Arrays.copyOf(TestImages.pngClaiming(60_000, 60_000), 3 * 1024 * 1024);
            write(fs, folder + "/bomb.png", bomb);
            write(fs, folder + "/text.jpg", TestImages.randomBytes(300_000, 7));
            byte[] photo = TestImages.noisyJpeg(640, 480, 8);
            write(fs, folder + "/photo.jpg", photo);
            InputReader reader = new InputReader(fs, InputReader.HeadCheck.of(new io.tessera.engine.images.ImageInspector(
                    io.tessera.engine.images.ImageLimits.DEFAULT)));

            InputReader.Input.Refused refused = assertInstanceOf(InputReader.Input.Refused.class, reader.read(folder + "/bomb.png", 1 << 30));
            org.junit.jupiter.api.Assertions.assertTrue(refused.reason().startsWith("too many pixels: 60000×60000"), refused.reason());
            assertEquals(new InputReader.Input.Refused("not an image (unrecognised content)"), reader.read(folder + "/text.jpg", 1 << 30));
            assertArrayEquals(photo, readWhole(reader, folder + "/photo.jpg", 1 << 30));
        }
    }

    @Test
    void aReadWaitsForItsShareOfTheBudgetAndARefusedOrFailedReadGivesItsShareBack() throws Exception {
        try (ClusterConnection admin = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = admin.fileSystem();
            String folder = "/it-input/" + UUID.randomUUID();
            byte[] photo = TestImages.randomBytes(600 * 1024, 9);
            write(fs, folder + "/a.bin", photo);
            write(fs, folder + "/b.bin", photo);
            InputBudget budget = new InputBudget(1024 * 1024);
            InputReader reader = new InputReader(fs, InputReader.HeadCheck.NONE, budget);
            InputReader.Input.Read first = assertInstanceOf(InputReader.Input.Read.class, reader.read(folder + "/a.bin", 1 << 30));
            java.util.concurrent.CompletableFuture<InputReader.Input> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.read(folder + "/b.bin", 1 << 30);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(300);
            org.junit.jupiter.api.Assertions.assertFalse(second.isDone(), "the second 600 KB waits while the first holds its share of 1 MB");
            first.bytes().close();
            InputReader.Input.Read read = assertInstanceOf(InputReader.Input.Read.class, second.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertArrayEquals(photo, read.bytes().toArray());
            read.bytes().close();

            // refused after the head, and failed reads, hand their share back: otherwise these would use up the budget
            InputReader refusing = new InputReader(fs, (head, length) -> Optional.of("no"), budget);
            for (int i = 0; i < 3; i++) {
                assertEquals(new InputReader.Input.Refused("no"), refusing.read(folder + "/a.bin", 1 << 30));
            }
            assertThrows(java.io.FileNotFoundException.class, () -> reader.read(folder + "/gone.bin", 1 << 30));
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> budget.take(1024 * 1024).close(),
                    "the whole budget is free again");
        }
    }

    /** The file as read, copied to the heap, its native memory freed. */
    private static byte[] readWhole(InputReader reader, String file, long cap) throws Exception {
        try (InputBytes bytes = assertInstanceOf(InputReader.Input.Read.class, reader.read(file, cap)).bytes()) {
            return bytes.toArray();
        }
    }

    private static void write(FileSystem fs, String path, byte[] bytes) throws IOException {
        try (FSDataOutputStream out = fs.create(new Path(path))) {
            out.write(bytes);
        }
    }
}
