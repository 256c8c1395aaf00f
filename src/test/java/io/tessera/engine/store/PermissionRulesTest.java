package io.tessera.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.store.PermissionRules.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The HDFS permission rules the panel disables actions by: owner, group and other bits, the sticky bit, the superuser. */
class PermissionRulesTest {
    private static final Actor TESSERA = new Actor("tessera", Set.of("tessera", "analysts"), false);

    @Test
    void othersBitsApplyToAUserWhoIsNeitherOwnerNorInTheGroup() {
        HdfsEntry data = folder("/data", "hdfs", "supergroup", "drwxr-xr-x");
        HdfsEntry file = file("/data/a.jpg", "hdfs", "supergroup", "-rw-r--r--");
        FileAccess access = PermissionRules.of(TESSERA, data, List.of(file));
        String reason = "/data is owned by hdfs:supergroup, mode drwxr-xr-x: tessera may not write here (as others: not its owner, not in group supergroup)";
        assertEquals(Permit.denied(reason), access.permit(FileAction.WRITE_HERE));
        assertEquals(Permit.denied(reason), access.permit(FileAction.REMOVE), "removing needs write on the folder");
        assertEquals(Permit.denied("/data/a.jpg is owned by hdfs:supergroup, mode -rw-r--r--: tessera may not change it"
                + " (as others: not its owner, not in group supergroup)"), access.permit(FileAction.REPLICATION));
        assertTrue(PermissionRules.writeIn(TESSERA, folder("/open", "hdfs", "supergroup", "drwxrwxrwx")).allowed());
    }

    @Test
    void theGroupsBitsApplyToItsMembersOnly() {
        HdfsEntry shared = folder("/shared", "hdfs", "analysts", "drwxrwxr-x");
        assertTrue(PermissionRules.writeIn(TESSERA, shared).allowed(), "tessera is in analysts");
        Permit outsider = PermissionRules.writeIn(new Actor("bob", Set.of("bob"), false), shared);
        assertFalse(outsider.allowed());
        assertTrue(outsider.reason().endsWith("bob may not write here (as others: not its owner, not in group analysts)"), outsider.reason());
        // the owner's bits apply to the owner even when the group's or others' would allow more (as in POSIX)
        Permit owner = PermissionRules.writeIn(TESSERA, folder("/mine", "tessera", "analysts", "dr-xrwxrwx"));
        assertFalse(owner.allowed());
        assertTrue(owner.reason().endsWith("(as its owner)"), owner.reason());
        // write without execute is not enough to make entries
        assertFalse(PermissionRules.writeIn(TESSERA, folder("/wx", "hdfs", "analysts", "drwxrw-r--")).allowed());
        assertTrue(PermissionRules.writeFile(TESSERA, file("/shared/a.jpg", "bob", "analysts", "-rw-rw-r--")).allowed());
    }

    @Test
    void inAStickyFolderOnlyTheOwnerOfTheEntryOrOfTheFolderMayRemoveIt() {
        HdfsEntry tmp = folder("/tmp", "hdfs", "supergroup", "drwxrwxrwt");
        HdfsEntry bobs = file("/tmp/b.jpg", "bob", "bob", "-rw-rw-rw-");
        HdfsEntry mine = file("/tmp/t.jpg", "tessera", "tessera", "-rw-r--r--");
        assertTrue(PermissionRules.sticky(tmp));
        assertTrue(PermissionRules.writeIn(TESSERA, tmp).allowed(), "anyone may make entries in /tmp");
        assertTrue(PermissionRules.remove(TESSERA, tmp, mine).allowed(), "its own file");
        Permit others = PermissionRules.remove(TESSERA, tmp, bobs);
        assertEquals("/tmp has the sticky bit (drwxrwxrwt): only bob (owner of b.jpg) or hdfs (owner of the folder) may rename, move or delete b.jpg;"
                + " tessera is neither", others.reason());
        assertEquals(others, PermissionRules.of(TESSERA, tmp, List.of(mine, bobs)).permit(FileAction.REMOVE), "one refused entry refuses the selection");
        assertTrue(PermissionRules.remove(TESSERA, folder("/tmp2", "tessera", "supergroup", "drwxrwxrwt"), bobs).allowed(), "the folder's owner may");
        // T: sticky without execute for others
        HdfsEntry closed = folder("/closed", "hdfs", "supergroup", "drwxrwx--T");
        assertTrue(PermissionRules.sticky(closed));
        assertFalse(PermissionRules.writeIn(TESSERA, closed).allowed());
        assertTrue(PermissionRules.remove(TESSERA, folder("/plain", "hdfs", "supergroup", "drwxrwxrwx"), bobs).allowed(), "no sticky bit");
    }

    @Test
    void theSuperuserMayDoEverything() {
        FileAccess access = PermissionRules.of(new Actor("hdfs-admin", Set.of(), true), folder("/data", "hdfs", "supergroup", "dr-x------"),
                List.of(file("/data/a.jpg", "bob", "bob", "-r--------")));
        for (FileAction action : FileAction.values()) {
            assertTrue(access.permit(action).allowed(), action.name());
        }
    }

    private static HdfsEntry folder(String path, String owner, String group, String mode) {
        return new HdfsEntry(path.substring(path.lastIndexOf('/') + 1), path, true, 0, Instant.EPOCH, owner, group, mode, (short) 0, 0);
    }

    private static HdfsEntry file(String path, String owner, String group, String mode) {
        return new HdfsEntry(path.substring(path.lastIndexOf('/') + 1), path, false, 10, Instant.EPOCH, owner, group, mode, (short) 1, 128 << 20);
    }
}
