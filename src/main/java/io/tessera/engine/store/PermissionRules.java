package io.tessera.engine.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HDFS permission rules (POSIX-like, as the NameNode applies them without ACL entries), from the {@code ls -l} text
 * of {@link HdfsEntry#permission()}: the owner's bits if the user owns the node, else the group's if the user is in its
 * group, else the others'; creating or removing an entry needs write and execute on its folder; in a folder with the
 * sticky bit ({@code t}) only the owner of the entry or of the folder may remove or rename it; changing a file's
 * replication needs write on the file. The NameNode's superuser may do anything (the caller tells, see {@link Actor}).
 */
final class PermissionRules {
    /** Who acts: the HDFS user and its groups; {@code superuser}: HDFS checks nothing for it. */
    record Actor(String user, Set<String> groups, boolean superuser) {}

    private PermissionRules() {}

    static FileAccess of(Actor actor, HdfsEntry folder, List<HdfsEntry> selected) {
        if (actor.superuser()) {
            return FileAccess.unrestricted(folder.path(), actor.user());
        }
        Map<FileAction, Permit> permits = new EnumMap<>(FileAction.class);
        Permit here = writeIn(actor, folder);
        permits.put(FileAction.WRITE_HERE, here);
        permits.put(FileAction.REMOVE, here.allowed() ? firstDenied(selected.stream().map(e -> remove(actor, folder, e)).toList()) : here);
        permits.put(FileAction.REPLICATION, firstDenied(selected.stream().filter(e -> !e.directory()).map(e -> writeFile(actor, e)).toList()));
        return new FileAccess(folder.path(), actor.user(), permits);
    }

    /** New entries in {@code folder}: write and execute on it. */
    static Permit writeIn(Actor actor, HdfsEntry folder) {
        if (may(actor, folder, 'w') && may(actor, folder, 'x')) {
            return Permit.ALLOWED;
        }
        return Permit.denied(describe(folder) + ": " + actor.user() + " may not write here" + because(actor, folder));
    }

    /** Rename, move away, trash or delete {@code entry} of {@code folder}. */
    static Permit remove(Actor actor, HdfsEntry folder, HdfsEntry entry) {
        Permit here = writeIn(actor, folder);
        if (!here.allowed()) {
            return here;
        }
        if (sticky(folder) && !actor.user().equals(entry.owner()) && !actor.user().equals(folder.owner())) {
            return Permit.denied(folder.path() + " has the sticky bit (" + folder.permission() + "): only " + entry.owner()
                    + " (owner of " + entry.name() + ") or " + folder.owner() + " (owner of the folder) may rename, move or delete "
                    + entry.name() + "; " + actor.user() + " is neither");
        }
        return Permit.ALLOWED;
    }

    /** Set the replication of {@code file}: write on it. */
    static Permit writeFile(Actor actor, HdfsEntry file) {
        return may(actor, file, 'w') ? Permit.ALLOWED
                : Permit.denied(describe(file) + ": " + actor.user() + " may not change it" + because(actor, file));
    }

    /** Whether the class of the node that applies to the actor (owner, group or other) has {@code bit} (r, w or x). */
    static boolean may(Actor actor, HdfsEntry node, char bit) {
        String mode = node.permission();
        int offset = actor.user().equals(node.owner()) ? 1 : actor.groups().contains(node.group()) ? 4 : 7;
        int at = offset + (bit == 'r' ? 0 : bit == 'w' ? 1 : 2);
        char shown = mode.length() > at ? mode.charAt(at) : '-';
        // in the execute place, s/t mean "and execute", S/T "without execute"
        return bit == 'x' ? shown == 'x' || shown == 's' || shown == 't' : shown == bit;
    }

    static boolean sticky(HdfsEntry folder) {
        String mode = folder.permission();
        return mode.length() >= 10 && (mode.charAt(9) == 't' || mode.charAt(9) == 'T');
    }

    private static Permit firstDenied(List<Permit> permits) {
        return permits.stream().filter(p -> !p.allowed()).findFirst().orElse(Permit.ALLOWED);
    }

    private static String describe(HdfsEntry node) {
        return node.path() + " is owned by " + node.owner() + ":" + node.group() + ", mode " + node.permission();
    }

    /** Which class applied: "(as its owner)", "(as a member of group g)", "(as others: not its owner, not in group g)". */
    private static String because(Actor actor, HdfsEntry node) {
        if (actor.user().equals(node.owner())) {
            return " (as its owner)";
        }
        return actor.groups().contains(node.group()) ? " (as a member of group " + node.group() + ")"
                : " (as others: not its owner, not in group " + node.group() + ")";
    }
}
