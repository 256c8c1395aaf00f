package io.tessera.engine.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.shard.ShardPlan.PlannedShard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Property-style checks of the planner on many random listings: limits, coverage, determinism, balance. */
class ShardPlannerTest {
    private static final int CASES = 300;

    @Test
    void everyPlanKeepsTheLimitsAndNamesEveryFileExactlyOnce() {
        Random random = new Random(7);
        for (int c = 0; c < CASES; c++) {
            List<ImageFile> listing = randomListing(random, random.nextInt(400));
            ShardLimits limits = randomLimits(random);
            ShardPlan plan = ShardPlanner.plan(listing, limits);
            String context = "case " + c + " " + limits;

            Set<String> seen = new HashSet<>();
            long bytes = 0;
            for (int i = 0; i < plan.shards().size(); i++) {
                PlannedShard shard = plan.shards().get(i);
                assertEquals(i, shard.index(), context);
                assertFalse(shard.images().isEmpty(), context + ": empty shard " + i);
                assertEquals(shard.images().stream().mapToLong(ImageFile::size).sum(), shard.bytes(), context);
                if (limits.maxImages() > 0) {
                    assertTrue(shard.imageCount() <= limits.maxImages(), context + ": shard " + i + " has " + shard.imageCount());
                }
                if (limits.maxBytes() > 0 && shard.bytes() > limits.maxBytes()) {
                    assertEquals(1, shard.imageCount(), context + ": only a single oversized image may pass the byte limit");
                }
                for (ImageFile file : shard.images()) {
                    assertTrue(seen.add(file.path()), context + ": " + file.path() + " twice");
                }
                bytes += shard.bytes();
            }
            assertEquals(listing.size(), seen.size(), context);
            assertEquals(listing.size(), plan.images());
            assertEquals(bytes, plan.bytes());
        }
    }

    @Test
    void theSameFilesInAnyOrderGiveTheSamePlan() {
        Random random = new Random(11);
        for (int c = 0; c < CASES / 3; c++) {
            List<ImageFile> listing = randomListing(random, 1 + random.nextInt(300));
            ShardLimits limits = randomLimits(random);
            List<ImageFile> shuffled = new ArrayList<>(listing);
            Collections.shuffle(shuffled, random);
            assertEquals(describe(ShardPlanner.plan(listing, limits)), describe(ShardPlanner.plan(shuffled, limits)), "case " + c);
        }
    }

    @Test
    void byteLimitedShardsAreBalancedWithinAnImageOrTwoAndNearlyAsFewAsPossible() {
        Random random = new Random(13);
        for (int c = 0; c < CASES / 3; c++) {
            long maxFile = 1_000 + random.nextInt(100_000);
            List<ImageFile> listing = new ArrayList<>();
            int count = 200 + random.nextInt(2_000);
            for (int i = 0; i < count; i++) {
                listing.add(new ImageFile("f" + i + ".png", 1 + (long) (random.nextDouble() * maxFile)));
            }
            long maxBytes = maxFile * (2 + random.nextInt(40));
            ShardPlan plan = ShardPlanner.plan(listing, new ShardLimits(0, maxBytes));
            int fewest = fewestContiguousShards(ShardPlanner.plan(listing, new ShardLimits(1, 0)), maxBytes);
            // Balance may cost a few shards more than filling each to the limit, when the limit is tight.
            assertTrue(plan.shards().size() <= fewest * 1.05 + 1, "case " + c + ": " + plan.shards().size() + " shards where " + fewest + " would do");
            long largest = plan.shards().stream().mapToLong(PlannedShard::bytes).max().orElseThrow();
            long smallest = plan.shards().stream().mapToLong(PlannedShard::bytes).min().orElseThrow();
            assertTrue(largest - smallest <= 2 * maxFile, "case " + c + ": shards from " + smallest + " to " + largest + " bytes, images up to " + maxFile);
        }
    }

    @Test
    void theFirstShardsAreNotFullWhileTheLastIsTiny() {
        List<ImageFile> listing = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            listing.add(new ImageFile(String.format("img-%04d.jpg", i), 100));
        }
        ShardPlan plan = ShardPlanner.plan(listing, new ShardLimits(500, 0));
        assertEquals(List.of(334, 334, 333), plan.shards().stream().map(PlannedShard::imageCount).toList());
    }

    @Test
    void anImageLargerThanTheByteLimitGetsAShardOfItsOwn() {
        List<ImageFile> listing = List.of(new ImageFile("a.jpg", 10), new ImageFile("b.jpg", 5_000), new ImageFile("c.jpg", 10));
        ShardPlan plan = ShardPlanner.plan(listing, new ShardLimits(0, 100));
        assertEquals(List.of(List.of("a.jpg"), List.of("b.jpg"), List.of("c.jpg")), describe(plan));
    }

    @Test
    void anEmptyListingIsAnEmptyPlanAndDuplicatesAreRefused() {
        assertTrue(ShardPlanner.plan(List.of(), ShardLimits.DEFAULT).shards().isEmpty());
        List<ImageFile> twice = List.of(new ImageFile("x.jpg", 1), new ImageFile("x.jpg", 1));
        assertThrows(IllegalArgumentException.class, () -> ShardPlanner.plan(twice, ShardLimits.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new ShardLimits(0, 0));
    }

    @Test
    void imageNamesAreJudgedByExtensionAndHiddenNamesAreSkipped() {
        assertTrue(ImageNames.isImage("a/b/Photo.JPG"));
        assertTrue(ImageNames.isImage("scan.tiff"));
        assertFalse(ImageNames.isImage("notes.txt"));
        assertFalse(ImageNames.isImage("jpg"));
        assertFalse(ImageNames.isImage("dir.jpg/readme"));
        assertTrue(ImageNames.isHiddenFolder("_derived"));
        assertTrue(ImageNames.isHiddenFile(".part-0.jpg.tmp"));
        assertFalse(ImageNames.isHiddenFile("_MG_1234.JPG"), "a camera's name, not a hidden file");
    }

    @Test
    void theBenchmarkPlansItsSyntheticListingAndReportsARatio() {
        PlanBenchmark.Result result = PlanBenchmark.run(20_000);
        assertEquals(20_000, result.files());
        assertTrue(result.shards() > 1);
        assertTrue(result.ratio() > 0);
    }

    /** Filling each shard to the limit gives the fewest shards of consecutive files. */
    private static int fewestContiguousShards(ShardPlan onePerShard, long maxBytes) {
        int shards = 0;
        long bytes = maxBytes + 1;
        for (PlannedShard single : onePerShard.shards()) {
            if (bytes + single.bytes() > maxBytes) {
                shards++;
                bytes = 0;
            }
            bytes += single.bytes();
        }
        return shards;
    }

    private static List<List<String>> describe(ShardPlan plan) {
        return plan.shards().stream().map(s -> s.images().stream().map(ImageFile::path).toList()).toList();
    }

    private static List<ImageFile> randomListing(Random random, int count) {
        List<ImageFile> listing = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (listing.size() < count) {
            String name = "d" + random.nextInt(5) + "/img-" + random.nextInt(100_000) + ".jpg";
            if (names.add(name)) {
                long size = random.nextInt(20) == 0 ? 0 : (long) Math.pow(10, 2 + random.nextDouble() * 5);
                listing.add(new ImageFile(name, size));
            }
        }
        return listing;
    }

    private static ShardLimits randomLimits(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new ShardLimits(1 + random.nextInt(50), 0);
            case 1 -> new ShardLimits(0, 1_000 + random.nextInt(2_000_000));
            default -> new ShardLimits(1 + random.nextInt(50), 1_000 + random.nextInt(2_000_000));
        };
    }
}
