package io.tessera.engine.audit;

/** The names of the operator actions a trail records, one per action service method. */
public final class AuditActions {
    private AuditActions() {}

    public static final String FILE_UPLOAD = "file.upload";
    public static final String FILE_NEW_FOLDER = "file.new-folder";
    public static final String FILE_RENAME = "file.rename";
    public static final String FILE_MOVE = "file.move";
    public static final String FILE_REPLICATION = "file.replication";
    public static final String FILE_TRASH = "file.trash";
    public static final String FILE_RESTORE = "file.restore";
    public static final String FILE_DELETE = "file.delete";

    public static final String JOB_SUBMIT = "job.submit";
    public static final String JOB_CANCEL = "job.cancel";
    public static final String JOB_PAUSE = "job.pause";
    public static final String JOB_RESUME = "job.resume";
    public static final String JOB_RETRY_FAILED = "job.retry-failed";
    public static final String JOB_REQUEUE_DEAD = "job.requeue-dead-letters";

    public static final String ZNODE_CREATE = "znode.create";
    public static final String ZNODE_EDIT = "znode.edit";
    public static final String ZNODE_DELETE = "znode.delete";
    /** {@code tessera acl zookeeper --apply}: the role policy stored and the tree's ACLs set to it. */
    public static final String ZNODE_ACL_APPLY = "znode.acl-apply";

    public static final String PROFILE_ADD = "profile.add";
    public static final String PROFILE_CHANGE = "profile.change";
    public static final String PROFILE_REMOVE = "profile.remove";

    public static final String WORKER_DRAIN = "worker.drain";
    public static final String WORKER_STOP = "worker.stop";

    /** Every action name above, in order: the choices of a filter. */
    public static java.util.List<String> all() {
        return java.util.Arrays.stream(AuditActions.class.getFields()).filter(f -> f.getType() == String.class).map(f -> {
            try {
                return (String) f.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The domains of the actions ("file", "job", …), in order: {@code --action job} lists all of a domain. */
    public static java.util.List<String> domains() {
        return all().stream().map(a -> a.substring(0, a.indexOf('.'))).distinct().toList();
    }
}
