package io.tessera.console.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Node details against a real ZooKeeper: formats, stat, versioned saves, counted recursive deletes, read-only refusals. */
class NodeDetailsViewModelTest {

    @Test
    void showsDataAsTextPrettyJsonOrHexWithReadableStat() throws Exception {
        try (ShardsTesting zk = new ShardsTesting()) {
            zk.other.client().create().forPath("/jobs/j", "{\"id\":\"j\",\"shards\":3}".getBytes(StandardCharsets.UTF_8));
            NodeDetailsViewModel details = new NodeDetailsViewModel(zk.source(), zk.tasks);

            details.show(zk.chroot + "/jobs/j");

            assertEquals(DataFormat.JSON, details.format().get(), "JSON data opens as JSON");
            assertEquals("{\n  \"id\" : \"j\",\n  \"shards\" : 3\n}", details.text().get());
            details.format().set(DataFormat.TEXT);
            assertEquals("{\"id\":\"j\",\"shards\":3}", details.text().get());
            details.format().set(DataFormat.HEX);
            assertTrue(details.text().get().startsWith("00000000  7b 22 69 64 22 3a 22 6a  22 2c"), details.text().get());
            assertEquals("Data length", details.stat().get(3).label());
            assertEquals("21 bytes", details.stat().get(3).value());
            assertTrue(details.stat().getFirst().value().endsWith("s ago)"), details.stat().getFirst().value());
            assertEquals("none (persistent)", details.stat().get(5).value());
            assertEquals("world:anyone:cdrwa", details.acl().getFirst());
        }
    }

    @Test
    void savingOverSomeoneElsesChangeIsRefusedWithAReadableMessageAndKeepsTheEdit() throws Exception {
        try (ShardsTesting zk = new ShardsTesting()) {
            zk.other.client().create().forPath("/jobs/note", "v0".getBytes(StandardCharsets.UTF_8));
            NodeDetailsViewModel details = new NodeDetailsViewModel(zk.source(), zk.tasks);
            details.show(zk.chroot + "/jobs/note");
            details.startEdit();
            details.text().set("mine");

            zk.other.client().setData().forPath("/jobs/note", "theirs".getBytes(StandardCharsets.UTF_8));
            details.save();

            assertEquals(zk.chroot + "/jobs/note was changed by someone else meanwhile; reload it and try again", details.problem().get());
            assertTrue(details.editing().get(), "the edit is kept");
            assertEquals("mine", details.text().get());
            assertEquals("theirs", new String(zk.other.client().getData().forPath("/jobs/note"), StandardCharsets.UTF_8));

            details.cancelEdit();
            details.reload();
            details.startEdit();
            details.text().set("mine again");
            details.save();
            assertEquals("", details.problem().get());
            assertEquals("Saved " + zk.chroot + "/jobs/note (version 2)", details.message().get());
            assertEquals("mine again", new String(zk.other.client().getData().forPath("/jobs/note"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void recursiveDeleteFirstCountsWhatLiesBelowThenDeletesOnConfirmation() throws Exception {
        try (ShardsTesting zk = new ShardsTesting()) {
            for (String path : new String[] {"/doomed/a/x", "/doomed/b", "/doomed/c"}) {
                zk.other.client().create().creatingParentsIfNeeded().forPath(path);
            }
            NodeDetailsViewModel details = new NodeDetailsViewModel(zk.source(), zk.tasks);
            details.show(zk.chroot + "/doomed");

            details.requestDelete();

            assertEquals(new NodeDetailsViewModel.DeleteRequest(zk.chroot + "/doomed", 4), details.deleteRequest().get());
            assertTrue(zk.other.client().checkExists().forPath("/doomed") != null, "nothing goes before the operator says yes");

            details.confirmDelete();

            assertNull(details.deleteRequest().get());
            assertNull(zk.other.client().checkExists().forPath("/doomed"));
            assertEquals("Deleted " + zk.chroot + "/doomed and 4 nodes under it", details.message().get());
            assertEquals("", details.path().get());
        }
    }

    @Test
    void withoutCredentialsOnASecuredRootWritesAreRefusedAsReadOnly() throws Exception {
        try (ShardsTesting zk = new ShardsTesting("s3cret")) {
            NodeDetailsViewModel details = new NodeDetailsViewModel(zk.source(), zk.tasks);
            details.show(zk.chroot + "/jobs");
            assertEquals("", details.problem().get(), "reading is allowed");

            details.createChild("mine", "");
            assertEquals("read-only: this profile has no ZooKeeper credentials for " + zk.chroot + "/jobs/mine", details.problem().get());

            details.startEdit();
            details.text().set("x");
            details.save();
            assertEquals("read-only: this profile has no ZooKeeper credentials for " + zk.chroot + "/jobs", details.problem().get());
        }
    }
}
