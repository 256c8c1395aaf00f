package io.tessera.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.testing.SharedCluster;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link HdfsPermissions} against the embedded HDFS (permissions on, as HDFS has them by default), for a second user
 * that is not the NameNode's superuser: what it may not do is reported with the reason before it tries, and what the
 * NameNode then refuses anyway is a one-line "permission denied"; the superuser is told apart.
 */
class HdfsPermissionsIT {
    @Test
    @Timeout(60)
    void aSecondUserIsToldWhatItMayNotDoAndWhy() throws Exception {
        String base = "/it-perm/" + UUID.randomUUID();
        ConnectionTarget target = SharedCluster.target();
        try (FileSystem admin = ClientFactory.fileSystem(target, Duration.ofSeconds(10), false);
             FileSystem other = FileSystem.get(URI.create(target.hdfsUri()), ClientFactory.hadoopConfiguration(target, Duration.ofSeconds(10), false), "perm-tester")) {
            Path theirs = new Path(base + "/theirs");
            admin.mkdirs(theirs);
            write(admin, new Path(theirs, "a.jpg"));
            admin.setOwner(theirs, "someone", "their-group");
            admin.setOwner(new Path(theirs, "a.jpg"), "someone", "their-group");
            admin.setPermission(theirs, new FsPermission((short) 0755));
            admin.setPermission(new Path(theirs, "a.jpg"), new FsPermission((short) 0644));
            Path shared = new Path(base + "/shared");
            admin.mkdirs(shared);
            admin.setPermission(shared, new FsPermission((short) 01777));
            write(admin, new Path(shared, "theirs.jpg"));
            admin.setOwner(new Path(shared, "theirs.jpg"), "someone", "their-group");
            write(other, new Path(shared, "mine.jpg"));

            HdfsBrowser browser = new HdfsBrowser(() -> other);
            HdfsPermissions permissions = new HdfsPermissions(browser);
            FileAccess inTheirs = permissions.check(theirs.toString(), List.of(browser.stat(theirs + "/a.jpg")));
            assertEquals("perm-tester", inTheirs.user());
            assertEquals(Permit.denied(theirs + " is owned by someone:their-group, mode drwxr-xr-x: perm-tester may not write here"
                    + " (as others: not its owner, not in group their-group)"), inTheirs.permit(FileAction.WRITE_HERE));
            assertFalse(inTheirs.permit(FileAction.REMOVE).allowed());
            assertTrue(inTheirs.permit(FileAction.REPLICATION).reason().contains("perm-tester may not change it"), inTheirs.toString());

            FileAccess inShared = permissions.check(shared.toString(), List.of(browser.stat(shared + "/theirs.jpg")));
            assertTrue(inShared.permit(FileAction.WRITE_HERE).allowed(), "anyone may make entries in a 1777 folder");
            assertTrue(inShared.permit(FileAction.REMOVE).reason().contains("has the sticky bit (drwxrwxrwt)"), inShared.toString());
            assertTrue(permissions.check(shared.toString(), List.of(browser.stat(shared + "/mine.jpg"))).permit(FileAction.REMOVE).allowed(), "its own file");

            // what the rules said is what the NameNode does: a refusal is one readable line
            StoreException refused = assertThrows(StoreException.class, () -> new HdfsFiles(browser).mkdir(theirs + "/new"));
            assertEquals(StoreException.Problem.PERMISSION_DENIED, refused.problem());
            assertEquals("permission denied: " + theirs + "/new (user perm-tester lacks write)", refused.getMessage());
            assertThrows(StoreException.class, () -> new HdfsFiles(browser).rename(shared + "/theirs.jpg", "x.jpg"));
            new HdfsFiles(browser).rename(shared + "/mine.jpg", "mine2.jpg");

            // the NameNode's superuser (the embedded cluster's process user) is refused nothing
            FileAccess asAdmin = new HdfsPermissions(new HdfsBrowser(() -> admin)).check(theirs.toString(), List.of());
            assertTrue(asAdmin.permit(FileAction.WRITE_HERE).allowed(), asAdmin.toString());
        }
    }

    private static void write(FileSystem fs, Path path) throws Exception {
        try (FSDataOutputStream out = fs.create(path)) {
            out.write(new byte[] {1, 2, 3});
        }
    }
}
