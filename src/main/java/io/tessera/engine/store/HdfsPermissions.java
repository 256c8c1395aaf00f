package io.tessera.engine.store;

import io.tessera.engine.store.PermissionRules.Actor;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.Groups;

/**
 * What the connection's HDFS user may do in a folder, before it tries ({@link FileAccess}): the {@link PermissionRules}
 * applied to the folder's and the selected entries' owners, groups and modes, for the user the file system acts as
 * and its groups (the client's group mapping, the NameNode's too when it shares it). The NameNode has the last word,
 * asked with {@link FileSystem#access} (one call per check, no data read): on the folder shown, which settles writing
 * there whatever the groups, and on the root, which tells the superuser (or permissions turned off: HDFS then checks
 * nothing) from everyone else.
 */
final class HdfsPermissions {
    private final HdfsBrowser browser;

    HdfsPermissions(HdfsBrowser browser) {
        this.browser = browser;
    }

    FileAccess check(String folder, List<HdfsEntry> selected) throws StoreException {
        HdfsEntry shown = browser.stat(folder);
        FileSystem fs = browser.fs(folder);
        String user = fs.getHomeDirectory().getName();
        Actor actor = new Actor(user, groups(fs, user), false);
        boolean writesHere = allowed(fs, shown.path(), FsAction.WRITE_EXECUTE);
        boolean rulesWriteHere = PermissionRules.writeIn(actor, shown).allowed();
        HdfsEntry root = browser.stat("/");
        if ((writesHere && !rulesWriteHere) || (!PermissionRules.writeIn(actor, root).allowed() && allowed(fs, "/", FsAction.WRITE_EXECUTE))) {
            return FileAccess.unrestricted(shown.path(), user);
        }
        if (!writesHere && rulesWriteHere) {
            // the NameNode sees other groups than this client: it decides, and the entries cannot be removed either
            Permit no = Permit.denied(shown.path() + " is owned by " + shown.owner() + ":" + shown.group() + ", mode " + shown.permission()
                    + ": the NameNode refuses " + user + " write here (its groups for " + user + " differ from this host's)");
            return new FileAccess(shown.path(), user, java.util.Map.of(FileAction.WRITE_HERE, no, FileAction.REMOVE, no,
                    FileAction.REPLICATION, PermissionRules.of(actor, shown, selected).permit(FileAction.REPLICATION)));
        }
        return PermissionRules.of(actor, shown, selected);
    }

    private static boolean allowed(FileSystem fs, String path, FsAction action) throws StoreException {
        try {
            fs.access(new Path(path), action);
            return true;
        } catch (AccessControlException no) {
            return false;
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "check access to");
        }
    }

    private static Set<String> groups(FileSystem fs, String user) {
        try {
            return Groups.getUserToGroupsMappingService(fs.getConf()).getGroupsSet(user);
        } catch (IOException noGroups) {
            return Set.of(); // a user the mapping does not know: others' bits only
        }
    }
}
